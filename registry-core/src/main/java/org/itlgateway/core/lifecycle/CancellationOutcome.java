package org.itlgateway.core.lifecycle;

import java.util.List;
import java.util.Objects;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.transaction.TransactionId;

/**
 * What a registry's cancellation of one of its own transactions did: cancelled (status 7, its units released; the
 * registry then tells the log), or refused with the reason and nothing changed.
 *
 * @param transaction the transaction named
 * @param cancelled   true when the transaction is now cancelled
 * @param refusals    why it was not cancelled; empty when it was
 */
public record CancellationOutcome(TransactionId transaction, boolean cancelled, List<EvaluationResult> refusals) {

    public CancellationOutcome {
        Objects.requireNonNull(transaction, "transaction");
        refusals = List.copyOf(refusals);
    }

    static CancellationOutcome done(TransactionId transaction) {
        return new CancellationOutcome(transaction, true, List.of());
    }

    static CancellationOutcome refused(TransactionId transaction, EvaluationResult why) {
        return new CancellationOutcome(transaction, false, List.of(why));
    }
}
