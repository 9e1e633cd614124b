package org.itlgateway.core.account;

/** What an account type is for; it decides whether units may leave the account. */
public enum AccountKind {
    /** Holds units that may be transferred on. */
    HOLDING,
    /** The CDM registry's pending account: receives issuances, forwards them. */
    PENDING,
    /** Holds a previous period's surplus (CP2). */
    RESERVE,
    /** Units go in and never come out: cancelled. */
    CANCELLATION,
    /** Units go in and never come out: retired against a Party's commitment. */
    RETIREMENT,
    /** Units go in and never come out: cancelled to replace expiring tCERs or lCERs. */
    REPLACEMENT;

    /** True for accounts from which units can never leave. */
    public boolean isFinalDestination() {
        return this == CANCELLATION || this == RETIREMENT || this == REPLACEMENT;
    }
}
