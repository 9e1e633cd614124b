package org.itlgateway.gateway.node;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.itlgateway.core.transaction.UnfinishedTransactions;
import org.itlgateway.gateway.transport.LogStatusQuery;

/**
 * A registry node's periodic duties: terminate its overdue transactions, and at most every so often (of the node's
 * clock; ten minutes by default) ask the ITL for the status of transactions open for a while (an hour by default), to
 * recover from lost notifications ({@link StatusRecovery}).
 */
public final class RegistryDuties implements IntSupplier {

    private final RegistryNode node;
    private final UnfinishedTransactions unfinished;
    private final Supplier<LogStatusQuery> log;
    private final Clock clock;
    private final StatusRecovery recovery;
    private Instant lastRecovery = Instant.MIN;

    /**
     * @param log opens a client to the ITL's getTransactionStatus; closed after each round of recovery
     */
    public RegistryDuties(RegistryNode node, UnfinishedTransactions unfinished, Supplier<LogStatusQuery> log, Clock clock) {
        this(node, unfinished, log, clock, StatusRecovery.standard());
    }

    /**
     * @param log      opens a client to the ITL's getTransactionStatus; closed after each round of recovery
     * @param recovery how often the statuses are asked, and of which transactions
     */
    public RegistryDuties(RegistryNode node, UnfinishedTransactions unfinished, Supplier<LogStatusQuery> log, Clock clock,
                          StatusRecovery recovery) {
        this.node = node;
        this.unfinished = unfinished;
        this.log = log;
        this.clock = clock;
        this.recovery = Objects.requireNonNull(recovery, "status recovery");
    }

    @Override
    public synchronized int getAsInt() {
        int work = node.terminateOverdue();
        Instant now = clock.instant();
        if (lastRecovery.plus(recovery.every()).isBefore(now) || lastRecovery.isAfter(now)) {
            lastRecovery = now;
            try (LogStatusQuery query = log.get()) {
                work += node.recoverStatuses(unfinished, query, recovery.quietFor());
            }
        }
        return work;
    }
}
