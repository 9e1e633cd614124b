package org.itlgateway.core.helpdesk;

/** Where a query stands. */
public enum QueryStatus {
    /** Eligible, not answered, not yet past its due date. */
    OPEN,
    /** Eligible, not answered, past its due date. */
    OVERDUE,
    /** Answered. */
    ANSWERED,
    /** Not eligible: acknowledged with the pointer to the secretariat, not answered by the help desk. */
    REFERRED
}
