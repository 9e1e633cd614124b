package org.itlgateway.core.transaction;

import java.time.Instant;
import java.util.List;

/**
 * The transactions of a node that have not reached a final status yet: what the sweep for overdue transactions
 * reads. An implementation on a database answers it with one query on the status and the time of proposal.
 */
public interface UnfinishedTransactions {

    /** The transactions not final that were proposed at or before {@code cutoff}, oldest first. */
    List<Transaction> proposedNoLaterThan(Instant cutoff);
}
