package org.itlgateway.gateway.transport;

import java.time.Clock;
import jakarta.jws.WebService;
import org.itlgateway.gateway.wire.MessageReceiver;
import org.itlgateway.gateway.wire.ReceiptMapping;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.v1.registry.AcceptITLNotice;
import org.itlgateway.schemas.v1.registry.AcceptITLNoticeResponse;
import org.itlgateway.schemas.v1.registry.AcceptMessage;
import org.itlgateway.schemas.v1.registry.AcceptMessageResponse;
import org.itlgateway.schemas.v1.registry.AcceptNotification;
import org.itlgateway.schemas.v1.registry.AcceptNotificationResponse;
import org.itlgateway.schemas.v1.registry.AcceptProposal;
import org.itlgateway.schemas.v1.registry.AcceptProposalResponse;
import org.itlgateway.schemas.v1.registry.InitiateReconciliation;
import org.itlgateway.schemas.v1.registry.InitiateReconciliationResponse;
import org.itlgateway.schemas.v1.registry.ProvideAuditTrail;
import org.itlgateway.schemas.v1.registry.ProvideAuditTrailResponse;
import org.itlgateway.schemas.v1.registry.ProvideTime;
import org.itlgateway.schemas.v1.registry.ProvideTimeResponse;
import org.itlgateway.schemas.v1.registry.ProvideTotals;
import org.itlgateway.schemas.v1.registry.ProvideTotalsResponse;
import org.itlgateway.schemas.v1.registry.ProvideUnitBlocks;
import org.itlgateway.schemas.v1.registry.ProvideUnitBlocksResponse;
import org.itlgateway.schemas.v1.registry.ReceiveReconciliationResult;
import org.itlgateway.schemas.v1.registry.ReceiveReconciliationResultResponse;
import org.itlgateway.schemas.v1.registry.RegistryPortType;

/**
 * The RegistryService a registry hosts for the ITL. Thin: every operation hands the verified request to the node's receiver and
 * answers with its receipt.
 */
@WebService(endpointInterface = "org.itlgateway.schemas.v1.registry.RegistryPortType",
        serviceName = "RegistryService", portName = "RegistryPort",
        targetNamespace = "urn:itlgateway:des:1.0:registry",
        wsdlLocation = "classpath:wsdl/registry.wsdl")
public final class RegistryEndpoint implements RegistryPortType {

    private final InboundHandling inbound;

    public RegistryEndpoint(MessageReceiver receiver, Clock clock) {
        this.inbound = new InboundHandling(receiver, clock);
    }

    @Override
    public AcceptProposalResponse acceptProposal(AcceptProposal request) {
        return ReceiptMapping.write(inbound.handle(Wire.REGISTRY_ACCEPT_PROPOSAL, request, request.getProposedTransaction()), new AcceptProposalResponse());
    }

    @Override
    public AcceptNotificationResponse acceptNotification(AcceptNotification request) {
        return ReceiptMapping.write(inbound.handle(Wire.REGISTRY_ACCEPT_NOTIFICATION, request, request), new AcceptNotificationResponse());
    }

    @Override
    public AcceptITLNoticeResponse acceptITLNotice(AcceptITLNotice request) {
        return ReceiptMapping.write(inbound.handle(Wire.REGISTRY_ACCEPT_ITL_NOTICE, request, request), new AcceptITLNoticeResponse());
    }

    @Override
    public AcceptMessageResponse acceptMessage(AcceptMessage request) {
        return ReceiptMapping.write(inbound.handle(Wire.REGISTRY_ACCEPT_MESSAGE, request, request), new AcceptMessageResponse());
    }

    @Override
    public ProvideTimeResponse provideTime(ProvideTime request) {
        return ReceiptMapping.write(inbound.handle(Wire.REGISTRY_PROVIDE_TIME, request, null), new ProvideTimeResponse());
    }

    @Override
    public InitiateReconciliationResponse initiateReconciliation(InitiateReconciliation request) {
        return ReceiptMapping.write(inbound.handle(Wire.REGISTRY_INITIATE_RECONCILIATION, request, request), new InitiateReconciliationResponse());
    }

    @Override
    public ProvideTotalsResponse provideTotals(ProvideTotals request) {
        return ReceiptMapping.write(inbound.handle(Wire.REGISTRY_PROVIDE_TOTALS, request, request), new ProvideTotalsResponse());
    }

    @Override
    public ProvideUnitBlocksResponse provideUnitBlocks(ProvideUnitBlocks request) {
        return ReceiptMapping.write(inbound.handle(Wire.REGISTRY_PROVIDE_UNIT_BLOCKS, request, request), new ProvideUnitBlocksResponse());
    }

    @Override
    public ProvideAuditTrailResponse provideAuditTrail(ProvideAuditTrail request) {
        return ReceiptMapping.write(inbound.handle(Wire.REGISTRY_PROVIDE_AUDIT_TRAIL, request, request), new ProvideAuditTrailResponse());
    }

    @Override
    public ReceiveReconciliationResultResponse receiveReconciliationResult(ReceiveReconciliationResult request) {
        return ReceiptMapping.write(inbound.handle(Wire.REGISTRY_RECEIVE_RECONCILIATION_RESULT, request, request), new ReceiveReconciliationResultResponse());
    }
}
