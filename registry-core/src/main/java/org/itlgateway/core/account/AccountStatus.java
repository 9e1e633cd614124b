package org.itlgateway.core.account;

/** Whether an account can take part in transactions. */
public enum AccountStatus {
    OPEN,
    /** Frozen by the registry administrator: no units may leave or enter. */
    BLOCKED,
    CLOSED;

    public boolean isOpen() {
        return this == OPEN;
    }
}
