package org.itlgateway.gateway.node;

import java.time.Duration;
import java.util.Objects;

/**
 * How a registry recovers from lost notifications: at most every {@code every} (of the node's clock) it asks the ITL
 * for the status of the transactions that have been open, with nothing heard of them, for {@code quietFor}.
 *
 * @param every    the least time between two rounds of recovery
 * @param quietFor how long a transaction is open before its status is asked
 */
public record StatusRecovery(Duration every, Duration quietFor) {

    public StatusRecovery {
        Objects.requireNonNull(every, "recovery period");
        Objects.requireNonNull(quietFor, "quiet time");
        if (every.isNegative() || every.isZero() || quietFor.isNegative() || quietFor.isZero()) {
            throw new IllegalArgumentException("the status recovery's period and quiet time are positive, not "
                    + every + " and " + quietFor);
        }
    }

    /** Every ten minutes, for transactions open an hour. */
    public static StatusRecovery standard() {
        return new StatusRecovery(Duration.ofMinutes(10), Duration.ofHours(1));
    }
}
