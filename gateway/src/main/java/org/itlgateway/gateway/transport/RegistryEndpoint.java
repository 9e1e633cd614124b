package org.itlgateway.gateway.transport;

import java.time.Clock;
import jakarta.jws.WebService;
import org.itlgateway.gateway.wire.MessageReceiver;
import org.itlgateway.gateway.wire.ReceiptMapping;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.v1.registry.RegistryPortType;
import org.itlgateway.schemas.v1.types.DesAdministrativeMessage;
import org.itlgateway.schemas.v1.types.DesAuditTrailRequest;
import org.itlgateway.schemas.v1.types.DesItlNotice;
import org.itlgateway.schemas.v1.types.DesMessageHeader;
import org.itlgateway.schemas.v1.types.DesProposal;
import org.itlgateway.schemas.v1.types.DesReceipt;
import org.itlgateway.schemas.v1.types.DesReconciliationResult;
import org.itlgateway.schemas.v1.types.DesReconciliationSnapshot;
import org.itlgateway.schemas.v1.types.DesTimeReceipt;
import org.itlgateway.schemas.v1.types.DesTotalsRequest;
import org.itlgateway.schemas.v1.types.DesTransactionNotification;
import org.itlgateway.schemas.v1.types.DesUnitBlocksRequest;

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
    public DesReceipt acceptProposal(DesMessageHeader header, DesProposal proposal) {
        return ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_ACCEPT_PROPOSAL, header, proposal));
    }

    @Override
    public DesReceipt acceptNotification(DesMessageHeader header, DesTransactionNotification notification) {
        return ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_ACCEPT_NOTIFICATION, header, notification));
    }

    @Override
    public DesReceipt acceptITLNotice(DesMessageHeader header, DesItlNotice notice) {
        return ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_ACCEPT_ITL_NOTICE, header, notice));
    }

    @Override
    public DesReceipt acceptMessage(DesMessageHeader header, DesAdministrativeMessage message) {
        return ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_ACCEPT_MESSAGE, header, message));
    }

    @Override
    public DesReceipt initiateReconciliation(DesMessageHeader header, DesReconciliationSnapshot reconciliation) {
        return ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_INITIATE_RECONCILIATION, header, reconciliation));
    }

    @Override
    public DesReceipt provideTotals(DesMessageHeader header, DesTotalsRequest totalsRequest) {
        return ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_PROVIDE_TOTALS, header, totalsRequest));
    }

    @Override
    public DesReceipt provideUnitBlocks(DesMessageHeader header, DesUnitBlocksRequest unitBlocksRequest) {
        return ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_PROVIDE_UNIT_BLOCKS, header, unitBlocksRequest));
    }

    @Override
    public DesReceipt provideAuditTrail(DesMessageHeader header, DesAuditTrailRequest auditTrailRequest) {
        return ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_PROVIDE_AUDIT_TRAIL, header, auditTrailRequest));
    }

    @Override
    public DesReceipt receiveReconciliationResult(DesMessageHeader header, DesReconciliationResult reconciliationResult) {
        return ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_RECEIVE_RECONCILIATION_RESULT, header, reconciliationResult));
    }

    @Override
    public DesTimeReceipt provideTime(DesMessageHeader header) {
        return ReceiptMapping.toWireTime(inbound.handle(Wire.REGISTRY_PROVIDE_TIME, header, null));
    }
}
