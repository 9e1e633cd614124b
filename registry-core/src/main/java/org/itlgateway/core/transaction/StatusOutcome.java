package org.itlgateway.core.transaction;

/** What happened when a transaction was asked to move to a status. */
public enum StatusOutcome {
    /** The transaction moved and the change is in its history. */
    APPLIED,
    /** The transaction already was in that status: nothing changed (a resent notification). */
    REPLAYED,
    /** The transaction is final: the notification is ignored, as the DES requires. */
    IGNORED_BECAUSE_FINAL,
    /** The move is not allowed from the current status; nothing changed. */
    REFUSED;

    /** True when the transaction now is in the asked status (applied or already there). */
    public boolean reached() {
        return this == APPLIED || this == REPLAYED;
    }
}
