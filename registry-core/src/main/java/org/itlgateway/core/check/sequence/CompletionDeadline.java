package org.itlgateway.core.check.sequence;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.itlgateway.core.check.RuleParameters;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Transaction;

/**
 * 4003: a transaction that is not final the completion limit after its proposal (24 hours by default) is
 * terminated by the log. The log asks this rule of its open transactions as its clock moves on.
 */
public final class CompletionDeadline {

    private final Duration limit;

    public CompletionDeadline(Duration limit) {
        this.limit = Objects.requireNonNull(limit, "completion limit");
    }

    public static CompletionDeadline of(RuleParameters parameters) {
        return new CompletionDeadline(parameters.completionLimit());
    }

    public ResponseCode code() {
        return ResponseCode.TRANSACTION_OVERDUE;
    }

    /** Empty while the transaction is final or still in time; otherwise the result to terminate it with. */
    public Optional<EvaluationResult> evaluate(Transaction transaction, Instant now) {
        return transaction.isOverdue(now, limit)
                ? Optional.of(EvaluationResult.of(code(), "transaction " + transaction.id() + " was proposed at "
                        + transaction.proposedAt() + " and is not final " + limitInWords() + " later"))
                : Optional.empty();
    }

    private String limitInWords() {
        return limit.toMinutes() % 60 == 0 ? limit.toHours() + " hours" : limit.toMinutes() + " minutes";
    }
}
