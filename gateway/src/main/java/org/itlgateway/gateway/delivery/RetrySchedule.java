package org.itlgateway.gateway.delivery;

import java.time.Duration;
import java.util.List;

/**
 * When to try a delivery again: the n-th retry waits the n-th delay; after the last one, every retry waits
 * the last delay. Delivery never gives up while the message has no receipt; the transaction log's 24-hour
 * termination ends the business transaction instead.
 */
public record RetrySchedule(List<Duration> delays) {

    public RetrySchedule {
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("a retry schedule has at least one delay");
        }
        delays = List.copyOf(delays);
    }

    /** 10 s, 30 s, 1 min, 2 min, 5 min, 10 min, 30 min, then hourly. */
    public static RetrySchedule standard() {
        return new RetrySchedule(List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
                Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30),
                Duration.ofHours(1)));
    }

    /** The wait after {@code failedAttempts} failed attempts (1 for the first failure). */
    public Duration delayAfter(int failedAttempts) {
        int index = Math.max(0, Math.min(failedAttempts, delays.size()) - 1);
        return delays.get(index);
    }
}
