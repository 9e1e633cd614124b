package org.itlgateway.simulator.reconciliation;

import java.time.Instant;
import java.util.Objects;

/**
 * How an administrator ended an inconsistency: who, why, which side was right, and how many units of the log's
 * records that corrected.
 *
 * @param by             the administrator
 * @param note           why, in their words (may be {@code null})
 * @param rightSide      whose records stood
 * @param correctedUnits units of the log's records set to the registry's (0 when the log was right)
 * @param at             when
 */
public record ManualIntervention(String by, String note, RightSide rightSide, long correctedUnits, Instant at) {

    public ManualIntervention {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(rightSide, "right side");
        Objects.requireNonNull(at, "at");
    }
}
