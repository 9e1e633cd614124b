package org.itlgateway.gateway.transport;

import java.time.Clock;
import jakarta.jws.WebService;
import org.itlgateway.gateway.wire.MessageReceiver;
import org.itlgateway.gateway.wire.EnvelopeMapping;
import org.itlgateway.gateway.wire.ReceiptMapping;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
import org.itlgateway.schemas.v1.types.DesAdministrativeMessage;
import org.itlgateway.schemas.v1.types.DesAuditTrail;
import org.itlgateway.schemas.v1.types.DesAuditTrailRequest;
import org.itlgateway.schemas.v1.types.DesProposal;
import org.itlgateway.schemas.v1.types.DesReceipt;
import org.itlgateway.schemas.v1.types.DesReconciliationResult;
import org.itlgateway.schemas.v1.types.DesTotals;
import org.itlgateway.schemas.v1.types.DesTotalsRequest;
import org.itlgateway.schemas.v1.types.DesTransactionNotification;
import org.itlgateway.schemas.v1.types.DesTransactionStatusReceipt;
import org.itlgateway.schemas.v1.types.DesUnitBlocks;
import org.itlgateway.schemas.v1.types.DesUnitBlocksRequest;

/**
 * The TransactionLogService the ITL (and the CITL) hosts for registries. Thin: every operation hands the verified request to the node's receiver and
 * answers with its receipt.
 */
@WebService(endpointInterface = "org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType",
        serviceName = "TransactionLogService", portName = "TransactionLogPort",
        targetNamespace = "urn:itlgateway:des:1.0:transactionlog",
        wsdlLocation = "classpath:wsdl/transaction-log.wsdl")
public final class TransactionLogEndpoint implements TransactionLogPortType {

    private final InboundHandling inbound;

    public TransactionLogEndpoint(MessageReceiver receiver, Clock clock) {
        this.inbound = new InboundHandling(receiver, clock);
    }

    @Override
    public DesReceipt acceptProposal(String from, String to, int majorVersion, int minorVersion, DesProposal proposal) {
        return ReceiptMapping.toWire(inbound.handle(Wire.LOG_ACCEPT_PROPOSAL,
                EnvelopeMapping.of(from, to, majorVersion, minorVersion), proposal));
    }

    @Override
    public DesReceipt acceptNotification(String from, String to, int majorVersion, int minorVersion, DesTransactionNotification notification) {
        return ReceiptMapping.toWire(inbound.handle(Wire.LOG_ACCEPT_NOTIFICATION,
                EnvelopeMapping.of(from, to, majorVersion, minorVersion), notification));
    }

    @Override
    public DesReceipt acceptMessage(String from, String to, int majorVersion, int minorVersion, DesAdministrativeMessage message) {
        return ReceiptMapping.toWire(inbound.handle(Wire.LOG_ACCEPT_MESSAGE,
                EnvelopeMapping.of(from, to, majorVersion, minorVersion), message));
    }

    @Override
    public DesReceipt provideTotals(String from, String to, int majorVersion, int minorVersion, DesTotalsRequest totalsRequest) {
        return ReceiptMapping.toWire(inbound.handle(Wire.LOG_PROVIDE_TOTALS,
                EnvelopeMapping.of(from, to, majorVersion, minorVersion), totalsRequest));
    }

    @Override
    public DesReceipt provideUnitBlocks(String from, String to, int majorVersion, int minorVersion, DesUnitBlocksRequest unitBlocksRequest) {
        return ReceiptMapping.toWire(inbound.handle(Wire.LOG_PROVIDE_UNIT_BLOCKS,
                EnvelopeMapping.of(from, to, majorVersion, minorVersion), unitBlocksRequest));
    }

    @Override
    public DesReceipt provideAuditTrail(String from, String to, int majorVersion, int minorVersion, DesAuditTrailRequest auditTrailRequest) {
        return ReceiptMapping.toWire(inbound.handle(Wire.LOG_PROVIDE_AUDIT_TRAIL,
                EnvelopeMapping.of(from, to, majorVersion, minorVersion), auditTrailRequest));
    }

    @Override
    public DesReceipt receiveTotals(String from, String to, int majorVersion, int minorVersion, DesTotals totals) {
        return ReceiptMapping.toWire(inbound.handle(Wire.LOG_RECEIVE_TOTALS,
                EnvelopeMapping.of(from, to, majorVersion, minorVersion), totals));
    }

    @Override
    public DesReceipt receiveUnitBlocks(String from, String to, int majorVersion, int minorVersion, DesUnitBlocks unitBlocks) {
        return ReceiptMapping.toWire(inbound.handle(Wire.LOG_RECEIVE_UNIT_BLOCKS,
                EnvelopeMapping.of(from, to, majorVersion, minorVersion), unitBlocks));
    }

    @Override
    public DesReceipt receiveAuditTrail(String from, String to, int majorVersion, int minorVersion, DesAuditTrail auditTrail) {
        return ReceiptMapping.toWire(inbound.handle(Wire.LOG_RECEIVE_AUDIT_TRAIL,
                EnvelopeMapping.of(from, to, majorVersion, minorVersion), auditTrail));
    }

    @Override
    public DesReceipt receiveReconciliationResult(String from, String to, int majorVersion, int minorVersion, DesReconciliationResult reconciliationResult) {
        return ReceiptMapping.toWire(inbound.handle(Wire.LOG_RECEIVE_RECONCILIATION_RESULT,
                EnvelopeMapping.of(from, to, majorVersion, minorVersion), reconciliationResult));
    }

    @Override
    public DesTransactionStatusReceipt getTransactionStatus(String from, String to, int majorVersion, int minorVersion, String transactionIdentifier) {
        return ReceiptMapping.toWireStatus(inbound.handle(Wire.LOG_GET_TRANSACTION_STATUS,
                EnvelopeMapping.of(from, to, majorVersion, minorVersion), transactionIdentifier));
    }
}
