package org.itlgateway.simulator.journal;

import org.itlgateway.schemas.v1.types.DesItlNotice;
import org.itlgateway.schemas.v1.types.DesProposal;
import org.itlgateway.schemas.v1.types.DesTransactionNotification;

/** One-line summaries of messages for the journal, and the transaction each is about. */
public final class MessageSummaries {

    private MessageSummaries() {
    }

    public static String transactionOf(Object content) {
        if (content instanceof DesProposal proposal) {
            return proposal.getTransactionIdentifier();
        }
        if (content instanceof DesTransactionNotification notification) {
            return notification.getTransactionIdentifier();
        }
        if (content instanceof String transactionId) {
            return transactionId;
        }
        return null;
    }

    public static String summaryOf(Object content) {
        if (content instanceof DesProposal proposal) {
            long units = proposal.getUnitBlocks() == null ? 0 : proposal.getUnitBlocks().getUnitBlock().stream()
                    .mapToLong(b -> b.getUnitSerialBlockEnd() - b.getUnitSerialBlockStart() + 1).sum();
            return "proposal " + proposal.getTransactionIdentifier() + " type " + proposal.getTransactionType() + "-"
                    + proposal.getSuppTransactionType() + " " + proposal.getTransferringRegistryCode() + " -> "
                    + proposal.getAcquiringRegistryCode() + ", " + units + " units";
        }
        if (content instanceof DesTransactionNotification notification) {
            int results = notification.getEvaluationResults() == null ? 0
                    : notification.getEvaluationResults().getEvaluationResult().size();
            return "notification " + notification.getTransactionIdentifier() + " status "
                    + notification.getTransactionStatus() + (results == 0 ? "" : " with " + results + " result(s): "
                    + notification.getEvaluationResults().getEvaluationResult().stream()
                            .map(r -> Integer.toString(r.getResponseCode())).toList());
        }
        if (content instanceof DesItlNotice notice) {
            return "notice " + notice.getNotificationIdentifier() + " type " + notice.getNotificationType();
        }
        if (content instanceof String text) {
            return "about " + text;
        }
        return content == null ? "(no content)" : content.getClass().getSimpleName().replaceFirst("^Des", "");
    }
}
