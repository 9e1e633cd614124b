package org.itlgateway.gateway.transport;

import jakarta.jws.WebService;
import java.time.Clock;
import org.itlgateway.gateway.wire.MessageReceiver;
import org.itlgateway.gateway.wire.ReceiptMapping;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.v1.transactionlog.AcceptEvidenceCheckpoint;
import org.itlgateway.schemas.v1.transactionlog.AcceptEvidenceCheckpointResponse;
import org.itlgateway.schemas.v1.transactionlog.AcceptMessage;
import org.itlgateway.schemas.v1.transactionlog.AcceptMessageResponse;
import org.itlgateway.schemas.v1.transactionlog.AcceptNotification;
import org.itlgateway.schemas.v1.transactionlog.AcceptNotificationResponse;
import org.itlgateway.schemas.v1.transactionlog.AcceptProposal;
import org.itlgateway.schemas.v1.transactionlog.AcceptProposalResponse;
import org.itlgateway.schemas.v1.transactionlog.GetTransactionStatus;
import org.itlgateway.schemas.v1.transactionlog.GetTransactionStatusResponse;
import org.itlgateway.schemas.v1.transactionlog.ProvideAuditTrail;
import org.itlgateway.schemas.v1.transactionlog.ProvideAuditTrailResponse;
import org.itlgateway.schemas.v1.transactionlog.ProvideTotals;
import org.itlgateway.schemas.v1.transactionlog.ProvideTotalsResponse;
import org.itlgateway.schemas.v1.transactionlog.ProvideUnitBlocks;
import org.itlgateway.schemas.v1.transactionlog.ProvideUnitBlocksResponse;
import org.itlgateway.schemas.v1.transactionlog.ReceiveAuditTrail;
import org.itlgateway.schemas.v1.transactionlog.ReceiveAuditTrailResponse;
import org.itlgateway.schemas.v1.transactionlog.ReceiveReconciliationResult;
import org.itlgateway.schemas.v1.transactionlog.ReceiveReconciliationResultResponse;
import org.itlgateway.schemas.v1.transactionlog.ReceiveTotals;
import org.itlgateway.schemas.v1.transactionlog.ReceiveTotalsResponse;
import org.itlgateway.schemas.v1.transactionlog.ReceiveUnitBlocks;
import org.itlgateway.schemas.v1.transactionlog.ReceiveUnitBlocksResponse;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;

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
    public AcceptProposalResponse acceptProposal(AcceptProposal request) {
        return ReceiptMapping.write(inbound.handle(Wire.LOG_ACCEPT_PROPOSAL, request, request.getProposedTransaction()), new AcceptProposalResponse());
    }

    @Override
    public AcceptNotificationResponse acceptNotification(AcceptNotification request) {
        return ReceiptMapping.write(inbound.handle(Wire.LOG_ACCEPT_NOTIFICATION, request, request), new AcceptNotificationResponse());
    }

    @Override
    public AcceptMessageResponse acceptMessage(AcceptMessage request) {
        return ReceiptMapping.write(inbound.handle(Wire.LOG_ACCEPT_MESSAGE, request, request), new AcceptMessageResponse());
    }

    @Override
    public ProvideTotalsResponse provideTotals(ProvideTotals request) {
        return ReceiptMapping.write(inbound.handle(Wire.LOG_PROVIDE_TOTALS, request, request), new ProvideTotalsResponse());
    }

    @Override
    public ProvideUnitBlocksResponse provideUnitBlocks(ProvideUnitBlocks request) {
        return ReceiptMapping.write(inbound.handle(Wire.LOG_PROVIDE_UNIT_BLOCKS, request, request), new ProvideUnitBlocksResponse());
    }

    @Override
    public ProvideAuditTrailResponse provideAuditTrail(ProvideAuditTrail request) {
        return ReceiptMapping.write(inbound.handle(Wire.LOG_PROVIDE_AUDIT_TRAIL, request, request), new ProvideAuditTrailResponse());
    }

    @Override
    public ReceiveTotalsResponse receiveTotals(ReceiveTotals request) {
        return ReceiptMapping.write(inbound.handle(Wire.LOG_RECEIVE_TOTALS, request, request), new ReceiveTotalsResponse());
    }

    @Override
    public ReceiveUnitBlocksResponse receiveUnitBlocks(ReceiveUnitBlocks request) {
        return ReceiptMapping.write(inbound.handle(Wire.LOG_RECEIVE_UNIT_BLOCKS, request, request), new ReceiveUnitBlocksResponse());
    }

    @Override
    public ReceiveAuditTrailResponse receiveAuditTrail(ReceiveAuditTrail request) {
        return ReceiptMapping.write(inbound.handle(Wire.LOG_RECEIVE_AUDIT_TRAIL, request, request), new ReceiveAuditTrailResponse());
    }

    @Override
    public ReceiveReconciliationResultResponse receiveReconciliationResult(ReceiveReconciliationResult request) {
        return ReceiptMapping.write(inbound.handle(Wire.LOG_RECEIVE_RECONCILIATION_RESULT, request, request), new ReceiveReconciliationResultResponse());
    }

    @Override
    public AcceptEvidenceCheckpointResponse acceptEvidenceCheckpoint(AcceptEvidenceCheckpoint request) {
        return ReceiptMapping.write(inbound.handle(Wire.LOG_ACCEPT_EVIDENCE_CHECKPOINT, request, request), new AcceptEvidenceCheckpointResponse());
    }

    @Override
    public GetTransactionStatusResponse getTransactionStatus(GetTransactionStatus request) {
        return ReceiptMapping.write(inbound.handle(Wire.LOG_GET_TRANSACTION_STATUS, request, request.getTransactionIdentifier()), new GetTransactionStatusResponse());
    }
}
