package org.itlgateway.simulator.reconciliation;

/** Which side's records a manual intervention found right, and so which side is corrected. */
public enum RightSide {
    /**
     * The log's records stand: nothing changes at the log; the registry hears the result (6) with what differs and
     * corrects its own holdings.
     */
    LOG,
    /**
     * The registry's holdings stand: the log's records of every unit found differing are set to what the registry
     * reported, so the next reconciliation of the registry validates.
     */
    REGISTRY
}
