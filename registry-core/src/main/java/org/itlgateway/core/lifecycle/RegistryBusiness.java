package org.itlgateway.core.lifecycle;

import java.time.Instant;
import java.util.List;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;

/**
 * What a registry node asks of the registry behind it when the log calls: any registry's transaction lifecycle,
 * or a registry with more to do on a notification (the CDM registry's share of proceeds after an issuance).
 */
public interface RegistryBusiness {

    IncomingDecision considerIncoming(Proposal proposal);

    NotificationOutcome notify(TransactionId id, TransactionStatus status, List<EvaluationResult> results);

    List<TransactionId> terminateOverdue(Instant now);

    /** Cancels one of the registry's own transactions that is not final yet (status 7), releasing its units. */
    CancellationOutcome cancel(TransactionId id, Instant now);

    boolean isTransferringSide(Transaction transaction);


    /** A plain registry: its lifecycle does everything. */
    static RegistryBusiness of(TransactionLifecycle lifecycle) {
        return new RegistryBusiness() {
            @Override
            public IncomingDecision considerIncoming(Proposal proposal) {
                return lifecycle.considerIncoming(proposal);
            }

            @Override
            public NotificationOutcome notify(TransactionId id, TransactionStatus status, List<EvaluationResult> results) {
                return lifecycle.notify(id, status, results);
            }

            @Override
            public List<TransactionId> terminateOverdue(Instant now) {
                return lifecycle.terminateOverdue(now);
            }

            @Override
            public CancellationOutcome cancel(TransactionId id, Instant now) {
                return lifecycle.cancel(id, now);
            }

            @Override
            public boolean isTransferringSide(Transaction transaction) {
                return lifecycle.isTransferringSide(transaction);
            }
        };
    }
}
