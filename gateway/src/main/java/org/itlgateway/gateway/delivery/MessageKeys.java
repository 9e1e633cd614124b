package org.itlgateway.gateway.delivery;

import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.schemas.v1.types.DesItlNotice;
import org.itlgateway.schemas.v1.types.DesProposal;
import org.itlgateway.schemas.v1.types.DesReconciliationResult;
import org.itlgateway.schemas.v1.types.DesReconciliationSnapshot;
import org.itlgateway.schemas.v1.types.DesAuditTrail;
import org.itlgateway.schemas.v1.types.DesTotals;
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

    public static String keyOf(Operation operation, Object content, String digest) {
        if (content instanceof DesProposal proposal) {
            return proposal.getTransactionIdentifier();
        }
        if (content instanceof DesTransactionNotification notification) {
            return notification.getTransactionIdentifier() + "/" + notification.getTransactionStatus();
        }
        if (content instanceof DesItlNotice notice) {
            return notice.getNotificationIdentifier() + "/" + notice.getNotificationStatus();
        }
        if (content instanceof DesReconciliationSnapshot snapshot) {
            return Long.toString(snapshot.getReconciliationIdentifier());
        }
        if (content instanceof DesTotalsRequest request) {
            return request.getReconciliationIdentifier() + "/" + digest;
        }
        if (content instanceof DesTotals totals) {
            return Long.toString(totals.getReconciliationIdentifier());
        }
        if (content instanceof DesUnitBlocks blocks) {
            return blocks.getReconciliationIdentifier() + "/" + blocks.getChunk().getChunkNumber();
        }
        if (content instanceof DesAuditTrail trail) {
            return trail.getReconciliationIdentifier() + "/" + trail.getChunk().getChunkNumber();
        }
        if (content instanceof DesReconciliationResult result) {
            return result.getReconciliationIdentifier() + "/" + result.getReconciliationStatus();
        }
        return digest;
    }
}
