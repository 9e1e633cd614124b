package org.itlgateway.simulator.duties;

import java.time.Instant;
import org.itlgateway.core.registry.RegistryCode;

/**
 * One time check of a registry: the ITL asked its time (provideTime) and compared it with its own clock.
 *
 * @param id           the check's number
 * @param registry     the registry asked
 * @param askedAt      when the ITL asked, on its own clock
 * @param registryTime the registry's time as it answered; {@code null} when it could not be asked
 * @param offsetMillis how far the registry's clock is from the ITL's, in milliseconds (positive: ahead); {@code null}
 *                     when it could not be asked
 * @param status       within the tolerance, beyond it, or unreachable
 * @param flagged      whether the registry's clock differs from the ITL's by more than the tolerance
 */
public record TimeCheck(long id, RegistryCode registry, Instant askedAt, Instant registryTime, Long offsetMillis,
                        Status status, boolean flagged) {

    /** What a time check found. */
    public enum Status {
        /** The registry's clock is within the tolerance of the ITL's. */
        IN_TIME,
        /** The registry's clock differs from the ITL's by more than the tolerance. */
        OFF_TIME,
        /** The registry could not be asked, or answered no time. */
        UNREACHABLE
    }

    static TimeCheck of(long id, RegistryCode registry, Instant askedAt, Instant registryTime, Long offsetMillis,
                        boolean flagged) {
        Status status = registryTime == null ? Status.UNREACHABLE : flagged ? Status.OFF_TIME : Status.IN_TIME;
        return new TimeCheck(id, registry, askedAt, registryTime, offsetMillis, status, flagged);
    }
}
