package org.itlgateway.gateway.delivery;

import org.itlgateway.gateway.wire.Request;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.v1.types.DesAuditTrail;
import org.itlgateway.schemas.v1.types.DesEvidenceCheckpoint;
import org.itlgateway.schemas.v1.types.DesItlNotice;
import org.itlgateway.schemas.v1.types.DesProposal;
import org.itlgateway.schemas.v1.types.DesReconciliationResult;
import org.itlgateway.schemas.v1.types.DesTotalsRequest;
import org.itlgateway.schemas.v1.types.DesTransactionNotification;
import org.itlgateway.schemas.v1.types.DesUnitBlocks;

/**
 * The business identity of a message, which makes a resend recognisable: a proposal is its transaction
 * identifier, a notification its transaction and status, a reconciliation message its reconciliation (and
 * chunk or status). Messages without such an identity (free text, requests for blocks) are their content.
 */
public final class MessageKeys {

    private MessageKeys() {
    }

    /** The key of a request whose canonical XML has {@code digest}. */
    public static String keyOf(Request<?> request, String digest) {
        return switch (request.operation()) {
            case REGISTRY_ACCEPT_PROPOSAL -> of(request.content(Wire.REGISTRY_ACCEPT_PROPOSAL));
            case LOG_ACCEPT_PROPOSAL -> of(request.content(Wire.LOG_ACCEPT_PROPOSAL));
            case REGISTRY_ACCEPT_NOTIFICATION -> of(request.content(Wire.REGISTRY_ACCEPT_NOTIFICATION));
            case LOG_ACCEPT_NOTIFICATION -> of(request.content(Wire.LOG_ACCEPT_NOTIFICATION));
            case REGISTRY_ACCEPT_ITL_NOTICE -> of(request.content(Wire.REGISTRY_ACCEPT_ITL_NOTICE));
            case REGISTRY_INITIATE_RECONCILIATION ->
                    request.content(Wire.REGISTRY_INITIATE_RECONCILIATION).getReconciliationIdentifier();
            case REGISTRY_PROVIDE_TOTALS -> of(request.content(Wire.REGISTRY_PROVIDE_TOTALS), digest);
            case LOG_PROVIDE_TOTALS -> of(request.content(Wire.LOG_PROVIDE_TOTALS), digest);
            // totals answer a provideTotals, and the DES filters may ask one reconciliation's totals several ways
            case LOG_RECEIVE_TOTALS -> request.content(Wire.LOG_RECEIVE_TOTALS).getReconciliationIdentifier() + "/" + digest;
            case LOG_RECEIVE_UNIT_BLOCKS -> of(request.content(Wire.LOG_RECEIVE_UNIT_BLOCKS));
            case LOG_RECEIVE_AUDIT_TRAIL -> of(request.content(Wire.LOG_RECEIVE_AUDIT_TRAIL));
            case REGISTRY_RECEIVE_RECONCILIATION_RESULT -> of(request.content(Wire.REGISTRY_RECEIVE_RECONCILIATION_RESULT));
            case LOG_RECEIVE_RECONCILIATION_RESULT -> of(request.content(Wire.LOG_RECEIVE_RECONCILIATION_RESULT));
            // one checkpoint per record of a node's archive: the same checkpoint sent again is a resend
            case LOG_ACCEPT_EVIDENCE_CHECKPOINT -> of(request.content(Wire.LOG_ACCEPT_EVIDENCE_CHECKPOINT));
            // free text, requests for blocks or an audit trail, the questions answered in the receipt
            default -> digest;
        };
    }

    /**
     * The transaction a request is about: a proposal's or a notification's transaction, the one a status query asks
     * about; null for anything else (notices, reconciliation, free text).
     */
    public static String transactionOf(Request<?> request) {
        return switch (request.operation()) {
            case REGISTRY_ACCEPT_PROPOSAL -> of(request.content(Wire.REGISTRY_ACCEPT_PROPOSAL));
            case LOG_ACCEPT_PROPOSAL -> of(request.content(Wire.LOG_ACCEPT_PROPOSAL));
            case REGISTRY_ACCEPT_NOTIFICATION -> request.content(Wire.REGISTRY_ACCEPT_NOTIFICATION).getTransactionIdentifier();
            case LOG_ACCEPT_NOTIFICATION -> request.content(Wire.LOG_ACCEPT_NOTIFICATION).getTransactionIdentifier();
            case LOG_GET_TRANSACTION_STATUS -> request.content(Wire.LOG_GET_TRANSACTION_STATUS);
            default -> null;
        };
    }

    private static String of(DesProposal proposal) {
        return proposal.getTransactionIdentifier();
    }

    private static String of(DesTransactionNotification notification) {
        return notification.getTransactionIdentifier() + "/" + notification.getTransactionStatus();
    }

    private static String of(DesItlNotice notice) {
        return notice.getNotificationIdentifier() + "/" + notice.getNotificationStatus();
    }

    private static String of(DesTotalsRequest request, String digest) {
        return request.getReconciliationIdentifier() + "/" + digest;
    }

    private static String of(DesUnitBlocks blocks) {
        return blocks.getReconciliationIdentifier() + "/" + blocks.getChunk().getChunkNumber();
    }

    private static String of(DesAuditTrail trail) {
        return trail.getReconciliationIdentifier() + "/" + trail.getChunk().getChunkNumber();
    }

    private static String of(DesEvidenceCheckpoint checkpoint) {
        return checkpoint.getNode() + "/" + checkpoint.getSequenceNumber();
    }

    private static String of(DesReconciliationResult result) {
        return result.getReconciliationIdentifier() + "/" + result.getReconciliationStatus();
    }
}
