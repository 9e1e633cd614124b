package org.itlgateway.gateway.operator;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.StatusChange;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionStatus;

/**
 * A transaction as the API writes it: the proposal, its current status and, in full, its blocks, the history of
 * its statuses with the results that explain them, and the messages it sent and received.
 */
public record TransactionView(String id, CodeView type, CodeView supplementaryType, String transferringRegistry,
                       String transferringAccount, String acquiringRegistry, String acquiringAccount, Long notice,
                       long quantity, Instant proposedAt, CodeView status,
                       @JsonProperty("final") boolean isFinal, List<BlockView> blocks,
                       List<StatusChangeView> history, List<MessageView> messages) {

    /** One step of the history. */
    public record StatusChangeView(CodeView status, Instant at, List<ResultView> results) {

        static StatusChangeView of(StatusChange change) {
            return new StatusChangeView(statusOf(change.status()), change.at(),
                    change.results().isEmpty() ? null : change.results().stream().map(ResultView::of).toList());
        }
    }

    /** The proposal and its status, as in a list. */
    static TransactionView summary(Transaction transaction) {
        return of(transaction, null, null, null);
    }

    /** Everything about the transaction, the messages included. */
    static TransactionView full(Transaction transaction, List<MessageView> messages) {
        return of(transaction, transaction.proposal().blocks().stream().map(BlockView::of).toList(),
                transaction.history().stream().map(StatusChangeView::of).toList(), messages);
    }

    static CodeView statusOf(TransactionStatus status) {
        return new CodeView(status.code(), status.label());
    }

    private static TransactionView of(Transaction transaction, List<BlockView> blocks, List<StatusChangeView> history,
                                      List<MessageView> messages) {
        Proposal p = transaction.proposal();
        CodeView supplementary = new CodeView(p.supplementaryType(),
                p.kind().map(kind -> kind.label()).orElse("not a known supplementary type of " + p.type().label()));
        return new TransactionView(p.id().toString(), new CodeView(p.type().code(), p.type().label()), supplementary,
                p.transferringRegistry().value(), p.transferringAccount() == null ? null : p.transferringAccount().toString(),
                p.acquiringRegistry().value(), p.acquiringAccount() == null ? null : p.acquiringAccount().toString(),
                p.noticeId(), p.quantity(), p.proposedAt(), statusOf(transaction.status()), transaction.isFinal(),
                blocks, history, messages);
    }
}
