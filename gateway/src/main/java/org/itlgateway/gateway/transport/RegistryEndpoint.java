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
        AcceptProposalResponse response = new AcceptProposalResponse();
        response.setReceipt(ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_ACCEPT_PROPOSAL, request, request.getProposedTransaction())));
        return response;
    }

    @Override
    public AcceptNotificationResponse acceptNotification(AcceptNotification request) {
        AcceptNotificationResponse response = new AcceptNotificationResponse();
        response.setReceipt(ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_ACCEPT_NOTIFICATION, request, request)));
        return response;
    }

    @Override
    public AcceptITLNoticeResponse acceptITLNotice(AcceptITLNotice request) {
        AcceptITLNoticeResponse response = new AcceptITLNoticeResponse();
        response.setReceipt(ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_ACCEPT_ITL_NOTICE, request, request)));
        return response;
    }

    @Override
    public AcceptMessageResponse acceptMessage(AcceptMessage request) {
        AcceptMessageResponse response = new AcceptMessageResponse();
        response.setReceipt(ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_ACCEPT_MESSAGE, request, request)));
        return response;
    }

    @Override
    public ProvideTimeResponse provideTime(ProvideTime request) {
        ProvideTimeResponse response = new ProvideTimeResponse();
        response.setReceipt(ReceiptMapping.toWireTime(inbound.handle(Wire.REGISTRY_PROVIDE_TIME, request, null)));
        return response;
    }

    @Override
    public InitiateReconciliationResponse initiateReconciliation(InitiateReconciliation request) {
        InitiateReconciliationResponse response = new InitiateReconciliationResponse();
        response.setReceipt(ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_INITIATE_RECONCILIATION, request, request)));
        return response;
    }

    @Override
    public ProvideTotalsResponse provideTotals(ProvideTotals request) {
        ProvideTotalsResponse response = new ProvideTotalsResponse();
        response.setReceipt(ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_PROVIDE_TOTALS, request, request)));
        return response;
    }

    @Override
    public ProvideUnitBlocksResponse provideUnitBlocks(ProvideUnitBlocks request) {
        ProvideUnitBlocksResponse response = new ProvideUnitBlocksResponse();
        response.setReceipt(ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_PROVIDE_UNIT_BLOCKS, request, request)));
        return response;
    }

    @Override
    public ProvideAuditTrailResponse provideAuditTrail(ProvideAuditTrail request) {
        ProvideAuditTrailResponse response = new ProvideAuditTrailResponse();
        response.setReceipt(ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_PROVIDE_AUDIT_TRAIL, request, request)));
        return response;
    }

    @Override
    public ReceiveReconciliationResultResponse receiveReconciliationResult(ReceiveReconciliationResult request) {
        ReceiveReconciliationResultResponse response = new ReceiveReconciliationResultResponse();
        response.setReceipt(ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_RECEIVE_RECONCILIATION_RESULT, request, request)));
        return response;
    }
}
