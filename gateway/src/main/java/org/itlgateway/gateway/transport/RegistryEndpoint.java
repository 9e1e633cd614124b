package org.itlgateway.gateway.transport;

import java.time.Clock;
import jakarta.jws.WebService;
import org.itlgateway.gateway.wire.MessageReceiver;
import org.itlgateway.gateway.wire.EnvelopeMapping;
import org.itlgateway.gateway.wire.ReceiptMapping;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.v1.registry.RegistryPortType;
import org.itlgateway.schemas.v1.types.DesAdministrativeMessage;
import org.itlgateway.schemas.v1.types.DesAuditTrailRequest;
import org.itlgateway.schemas.v1.types.DesItlNotice;
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
    public DesReceipt acceptProposal(String from, String to, int majorVersion, int minorVersion, DesProposal proposal) {
        return ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_ACCEPT_PROPOSAL,
                EnvelopeMapping.of(from, to, majorVersion, minorVersion), proposal));
    }

    @Override
    public DesReceipt acceptNotification(String from, String to, int majorVersion, int minorVersion, DesTransactionNotification notification) {
        return ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_ACCEPT_NOTIFICATION,
                EnvelopeMapping.of(from, to, majorVersion, minorVersion), notification));
    }

    @Override
    public DesReceipt acceptITLNotice(String from, String to, int majorVersion, int minorVersion, DesItlNotice notice) {
        return ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_ACCEPT_ITL_NOTICE,
                EnvelopeMapping.of(from, to, majorVersion, minorVersion), notice));
    }

    @Override
    public DesReceipt acceptMessage(String from, String to, int majorVersion, int minorVersion, DesAdministrativeMessage message) {
        return ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_ACCEPT_MESSAGE,
                EnvelopeMapping.of(from, to, majorVersion, minorVersion), message));
    }

    @Override
    public DesReceipt initiateReconciliation(String from, String to, int majorVersion, int minorVersion, DesReconciliationSnapshot reconciliation) {
        return ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_INITIATE_RECONCILIATION,
                EnvelopeMapping.of(from, to, majorVersion, minorVersion), reconciliation));
    }

    @Override
    public DesReceipt provideTotals(String from, String to, int majorVersion, int minorVersion, DesTotalsRequest totalsRequest) {
        return ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_PROVIDE_TOTALS,
                EnvelopeMapping.of(from, to, majorVersion, minorVersion), totalsRequest));
    }

    @Override
    public DesReceipt provideUnitBlocks(String from, String to, int majorVersion, int minorVersion, DesUnitBlocksRequest unitBlocksRequest) {
        return ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_PROVIDE_UNIT_BLOCKS,
                EnvelopeMapping.of(from, to, majorVersion, minorVersion), unitBlocksRequest));
    }

    @Override
    public DesReceipt provideAuditTrail(String from, String to, int majorVersion, int minorVersion, DesAuditTrailRequest auditTrailRequest) {
        return ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_PROVIDE_AUDIT_TRAIL,
                EnvelopeMapping.of(from, to, majorVersion, minorVersion), auditTrailRequest));
    }

    @Override
    public DesReceipt receiveReconciliationResult(String from, String to, int majorVersion, int minorVersion, DesReconciliationResult reconciliationResult) {
        return ReceiptMapping.toWire(inbound.handle(Wire.REGISTRY_RECEIVE_RECONCILIATION_RESULT,
                EnvelopeMapping.of(from, to, majorVersion, minorVersion), reconciliationResult));
    }

    @Override
    public DesTimeReceipt provideTime(String from, String to, int majorVersion, int minorVersion) {
        return ReceiptMapping.toWireTime(inbound.handle(Wire.REGISTRY_PROVIDE_TIME,
                EnvelopeMapping.of(from, to, majorVersion, minorVersion), null));
    }
}
