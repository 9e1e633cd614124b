package org.itlgateway.gateway.transport;

import java.time.Clock;
import jakarta.jws.WebService;
import org.itlgateway.gateway.wire.MessageReceiver;
import org.itlgateway.gateway.wire.ReceiptMapping;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
import org.itlgateway.schemas.v1.types.DesAdministrativeMessage;
import org.itlgateway.schemas.v1.types.DesAuditTrail;
import org.itlgateway.schemas.v1.types.DesAuditTrailRequest;
import org.itlgateway.schemas.v1.types.DesMessageHeader;
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
    public DesReceipt acceptProposal(DesMessageHeader header, DesProposal proposal) {
        return ReceiptMapping.toWire(inbound.handle(Wire.LOG_ACCEPT_PROPOSAL, header, proposal));
    }

    @Override
    public DesReceipt acceptNotification(DesMessageHeader header, DesTransactionNotification notification) {
        return ReceiptMapping.toWire(inbound.handle(Wire.LOG_ACCEPT_NOTIFICATION, header, notification));
    }

    @Override
    public DesReceipt acceptMessage(DesMessageHeader header, DesAdministrativeMessage message) {
        return ReceiptMapping.toWire(inbound.handle(Wire.LOG_ACCEPT_MESSAGE, header, message));
    }

    @Override
    public DesReceipt provideTotals(DesMessageHeader header, DesTotalsRequest totalsRequest) {
        return ReceiptMapping.toWire(inbound.handle(Wire.LOG_PROVIDE_TOTALS, header, totalsRequest));
    }

    @Override
    public DesReceipt provideUnitBlocks(DesMessageHeader header, DesUnitBlocksRequest unitBlocksRequest) {
        return ReceiptMapping.toWire(inbound.handle(Wire.LOG_PROVIDE_UNIT_BLOCKS, header, unitBlocksRequest));
    }

    @Override
    public DesReceipt provideAuditTrail(DesMessageHeader header, DesAuditTrailRequest auditTrailRequest) {
        return ReceiptMapping.toWire(inbound.handle(Wire.LOG_PROVIDE_AUDIT_TRAIL, header, auditTrailRequest));
    }

    @Override
    public DesReceipt receiveTotals(DesMessageHeader header, DesTotals totals) {
        return ReceiptMapping.toWire(inbound.handle(Wire.LOG_RECEIVE_TOTALS, header, totals));
    }

    @Override
    public DesReceipt receiveUnitBlocks(DesMessageHeader header, DesUnitBlocks unitBlocks) {
        return ReceiptMapping.toWire(inbound.handle(Wire.LOG_RECEIVE_UNIT_BLOCKS, header, unitBlocks));
    }

    @Override
    public DesReceipt receiveAuditTrail(DesMessageHeader header, DesAuditTrail auditTrail) {
        return ReceiptMapping.toWire(inbound.handle(Wire.LOG_RECEIVE_AUDIT_TRAIL, header, auditTrail));
    }

    @Override
    public DesReceipt receiveReconciliationResult(DesMessageHeader header, DesReconciliationResult reconciliationResult) {
        return ReceiptMapping.toWire(inbound.handle(Wire.LOG_RECEIVE_RECONCILIATION_RESULT, header, reconciliationResult));
    }

    @Override
    public DesTransactionStatusReceipt getTransactionStatus(DesMessageHeader header, String transactionIdentifier) {
        return ReceiptMapping.toWireStatus(inbound.handle(Wire.LOG_GET_TRANSACTION_STATUS, header, transactionIdentifier));
    }
}
