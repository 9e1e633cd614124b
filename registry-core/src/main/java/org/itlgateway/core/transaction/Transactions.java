package org.itlgateway.core.transaction;

import java.util.Optional;

/** The transactions a node knows. */
public interface Transactions {

    Optional<Transaction> find(TransactionId id);
}
