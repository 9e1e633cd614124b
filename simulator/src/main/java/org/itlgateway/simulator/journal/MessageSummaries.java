package org.itlgateway.simulator.journal;

import java.util.Optional;
import org.itlgateway.gateway.wire.Request;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.v1.types.DesItlNotice;
import org.itlgateway.schemas.v1.types.DesProposal;
import org.itlgateway.schemas.v1.types.DesTransactionNotification;

/** One-line summaries of messages for the journal, and the transaction each is about. */
public final class MessageSummaries {

    private MessageSummaries() {
    }

    public static String transactionOf(Request<?> request) {
        return proposalOf(request).map(DesProposal::getTransactionIdentifier)
                .or(() -> notificationOf(request).map(DesTransactionNotification::getTransactionIdentifier))
                .or(() -> request.contentIf(Wire.LOG_GET_TRANSACTION_STATUS))
                .orElse(null);
    }

    public static String summaryOf(Request<?> request) {
        Optional<DesProposal> proposal = proposalOf(request);
        if (proposal.isPresent()) {
            return summaryOf(proposal.get());
        }
        Optional<DesTransactionNotification> notification = notificationOf(request);
        if (notification.isPresent()) {
            return summaryOf(notification.get());
        }
        Optional<DesItlNotice> notice = request.contentIf(Wire.REGISTRY_ACCEPT_ITL_NOTICE);
        if (notice.isPresent()) {
            return "notice " + notice.get().getNotificationIdentifier() + " type " + notice.get().getNotificationType();
        }
        Optional<String> asked = request.contentIf(Wire.LOG_GET_TRANSACTION_STATUS);
        if (asked.isPresent()) {
            return "about " + asked.get();
        }
        return kindOf(request);
    }

    private static String summaryOf(DesProposal proposal) {
        long units = proposal.getProposalUnitBlocks() == null ? 0 : proposal.getProposalUnitBlocks().getUnitBlock().stream()
                .mapToLong(b -> b.getUnitSerialBlockEnd() - b.getUnitSerialBlockStart() + 1).sum();
        return "proposal " + proposal.getTransactionIdentifier() + " type " + proposal.getTransactionType() + "-"
                + java.util.Objects.requireNonNullElse(proposal.getSuppTransactionType(), 0) + " " + proposal.getTransferringRegistryCode() + " -> "
                + proposal.getAcquiringRegistryCode() + ", " + units + " units";
    }

    private static String summaryOf(DesTransactionNotification notification) {
        int results = notification.getEvaluationResults() == null ? 0
                : notification.getEvaluationResults().getEvaluationResult().size();
        return "notification " + notification.getTransactionIdentifier() + " status "
                + notification.getTransactionStatus() + (results == 0 ? "" : " with " + results + " result(s): "
                + notification.getEvaluationResults().getEvaluationResult().stream()
                        .map(r -> Integer.toString(r.getResponseCode())).toList());
    }

    /** A proposal, to a registry or to a log. */
    private static Optional<DesProposal> proposalOf(Request<?> request) {
        return request.contentIf(Wire.REGISTRY_ACCEPT_PROPOSAL).or(() -> request.contentIf(Wire.LOG_ACCEPT_PROPOSAL));
    }

    /** A notification, to a registry or to a log. */
    private static Optional<DesTransactionNotification> notificationOf(Request<?> request) {
        return request.contentIf(Wire.REGISTRY_ACCEPT_NOTIFICATION)
                .or(() -> request.contentIf(Wire.LOG_ACCEPT_NOTIFICATION));
    }

    /** What the request carries, by its type's name (e.g. TotalsRequest). */
    private static <C> String kindOf(Request<C> request) {
        return request.contentIf(request.wire())
                .map(content -> request.wire().contentType().getSimpleName().replaceFirst("^Des", ""))
                .orElse("(no content)");
    }
}
