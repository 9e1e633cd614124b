package org.itlgateway.core.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.StatusOutcome;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;

/**
 * What a notification from the log did to a transaction.
 *
 * @param transaction the transaction named
 * @param outcome     applied; replayed (the status was reached already); ignored because the transaction is final;
 *                    or refused (unknown transaction, a move out of sequence, or units the ledger could not credit)
 *                    &mdash; only an applied notification changed anything
 * @param status      the transaction's status afterwards, or {@code null} when the transaction is unknown
 * @param results     the results attached to the final status reached (when finalising failed), or why the
 *                    notification was not applied
 * @param followUps   proposals the registry recorded in consequence (e.g. the CDM registry's share of proceeds
 *                    after an issuance), to be sent to the log
 */
public record NotificationOutcome(TransactionId transaction, StatusOutcome outcome, TransactionStatus status,
                                  List<EvaluationResult> results, List<Proposal> followUps) {

    public NotificationOutcome {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(outcome, "outcome");
        results = List.copyOf(results);
        followUps = List.copyOf(followUps);
    }

    static NotificationOutcome of(TransactionId transaction, StatusOutcome outcome, TransactionStatus status,
                                  List<EvaluationResult> results) {
        return new NotificationOutcome(transaction, outcome, status, results, List.of());
    }

    /** True when this notification changed the transaction. */
    public boolean applied() {
        return outcome == StatusOutcome.APPLIED;
    }

    /**
     * True when this notification completed the transaction here; on the transferring side the registry then
     * confirms status 4 to the log.
     */
    public boolean completed() {
        return applied() && status == TransactionStatus.COMPLETED;
    }

    /** True when this notification brought the transaction to a final status other than completed. */
    public boolean ended() {
        return applied() && status.isFinal() && status != TransactionStatus.COMPLETED;
    }

    /** The same outcome with more proposals to send. */
    public NotificationOutcome withFollowUps(List<Proposal> more) {
        List<Proposal> all = new ArrayList<>(followUps);
        all.addAll(more);
        return new NotificationOutcome(transaction, outcome, status, results, all);
    }
}
