package org.itlgateway.simulator.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A node's clock: the network's, moved by an offset a tester may set (none unless told), to play a registry whose
 * clock is off.
 */
public final class OffsetClock extends Clock {

    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    public OffsetClock(Clock base) {
        this.base = Objects.requireNonNull(base, "base clock");
    }

    public void offsetBy(Duration newOffset) {
        this.offset = Objects.requireNonNull(newOffset, "offset");
    }

    public Duration offset() {
        return offset;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return base.withZone(zone);
    }
}
