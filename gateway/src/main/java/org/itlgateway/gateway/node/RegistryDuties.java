package org.itlgateway.gateway.node;

import org.itlgateway.gateway.transport.LogStatusQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.itlgateway.core.transaction.UnfinishedTransactions;

/**
 * A registry node's periodic duties: terminate its overdue transactions, and at most every ten minutes (of the
 * node's clock) ask the ITL for the status of transactions open for an hour, to recover from lost notifications.
 */
public final class RegistryDuties implements IntSupplier {

    static final Duration RECOVERY_EVERY = Duration.ofMinutes(10);
    static final Duration QUIET_FOR = Duration.ofHours(1);

    private final RegistryNode node;
    private final UnfinishedTransactions unfinished;
    private final Supplier<LogStatusQuery> log;
    private final Clock clock;
    private Instant lastRecovery = Instant.MIN;

    /**
     * @param log opens a client to the ITL's getTransactionStatus; closed after each round of recovery
     */
    public RegistryDuties(RegistryNode node, UnfinishedTransactions unfinished, Supplier<LogStatusQuery> log, Clock clock) {
        this.node = node;
        this.unfinished = unfinished;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public synchronized int getAsInt() {
        int work = node.terminateOverdue();
        Instant now = clock.instant();
        if (lastRecovery.plus(RECOVERY_EVERY).isBefore(now) || lastRecovery.isAfter(now)) {
            lastRecovery = now;
            try (LogStatusQuery query = log.get()) {
                work += node.recoverStatuses(unfinished, query, QUIET_FOR);
            }
        }
        return work;
    }
}
