package org.itlgateway.core.transaction;

import java.util.Optional;

/** The transactions a node knows. */
public interface Transactions {

    Optional<Transaction> find(TransactionId id);

    /** Stores a new transaction or the statuses it reached since it was read. */
    void save(Transaction transaction);
}
