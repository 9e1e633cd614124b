package org.itlgateway.gateway.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that runs at the speed of a base clock (the system's) at an offset that may be corrected while it runs,
 * e.g. to keep a registry's gateway on the simulated time of the network it is paired with. It never goes back:
 * after a correction backwards it holds the last instant it gave until the corrected time catches up, so a
 * registry's records stay in order.
 */
public final class FollowingClock extends Clock {

    private final Clock base;
    private volatile Duration offset;
    private Instant last = Instant.MIN;

    public FollowingClock(Clock base, Duration offset) {
        this.base = Objects.requireNonNull(base, "base clock");
        this.offset = Objects.requireNonNull(offset, "offset");
    }

    /** From now on, the time is the base clock's plus {@code newOffset}. */
    public void correct(Duration newOffset) {
        this.offset = Objects.requireNonNull(newOffset, "offset");
    }

    public Duration offset() {
        return offset;
    }

    @Override
    public synchronized Instant instant() {
        Instant now = base.instant().plus(offset);
        if (now.isBefore(last)) {
            return last;
        }
        last = now;
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("a following clock keeps UTC");
    }
}
