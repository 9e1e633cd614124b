package org.itlgateway.core.transaction;

import java.util.List;
import java.util.Optional;

/** The transactions a node knows. */
public interface Transactions {

    Optional<Transaction> find(TransactionId id);

    /**
     * The identifiers of the most recently proposed transactions, at most {@code limit}, newest first (those proposed
     * at the same moment by sequence number, highest first); only those in {@code status} when it is given.
     */
    List<TransactionId> recent(Optional<TransactionStatus> status, int limit);

    /** Stores a new transaction or the statuses it reached since it was read. */
    void save(Transaction transaction);
}
