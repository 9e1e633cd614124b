package org.itlgateway.core.transaction;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.itlgateway.core.unit.UnitBlockId;

/** Which of a node's transactions touched some units in a period (a status change inside it): what an audit trail reports. */
public interface TransactionsTouching {

    /**
     * Hands the identifier of each transaction with a status change from {@code from} to {@code to} (both included)
     * that moved units of {@code blocks} (any units, when none) to {@code each}, in the order they were proposed.
     * Runs inside a unit of work.
     */
    void find(Instant from, Instant to, List<UnitBlockId> blocks, Consumer<TransactionId> each);
}
