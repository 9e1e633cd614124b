package org.itlgateway.gateway.evidence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * The node's duty of signing its archive's head: at most every {@code every} of the node's clock, a checkpoint when
 * the head moved since the last one (run with the node's other duties, by the instance that holds their lease).
 */
public final class CheckpointDuty implements IntSupplier {

    /** How often a node signs its head unless told otherwise. */
    public static final Duration DEFAULT_EVERY = Duration.ofHours(1);

    private final EvidenceCheckpoints checkpoints;
    private final Duration every;
    private final Clock clock;
    private Instant last = Instant.MIN;

    public CheckpointDuty(EvidenceCheckpoints checkpoints, Duration every, Clock clock) {
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.every = Objects.requireNonNull(every, "period");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("checkpoints are taken every positive period, not every " + every);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Takes a checkpoint when one is due; answers 1 when one was taken, else 0. */
    @Override
    public synchronized int getAsInt() {
        Instant now = clock.instant();
        if (!last.equals(Instant.MIN) && now.isBefore(last.plus(every)) && !now.isBefore(last)) {
            return 0;
        }
        last = now;
        return checkpoints.take().isNew() ? 1 : 0;
    }
}
