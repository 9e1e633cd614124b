package org.itlgateway.core.reconciliation;

import org.itlgateway.core.holding.HoldingGroup;

/**
 * A group whose totals differ between a registry and the log.
 *
 * @param group    the group
 * @param reported the units the registry reported
 * @param recorded the units the log records
 */
public record TotalDifference(HoldingGroup group, long reported, long recorded) {

    @Override
    public String toString() {
        return group + ": registry " + reported + ", log " + recorded;
    }
}
