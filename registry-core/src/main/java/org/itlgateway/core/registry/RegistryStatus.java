package org.itlgateway.core.registry;

/** Whether the transaction log lets a registry take part in transactions. */
public enum RegistryStatus {
    /** Connected and allowed to transact. */
    OPERATING,
    /** Temporarily not allowed to transact (for example during an investigation). */
    SUSPENDED,
    /** Not connected (yet, or any more). */
    NOT_CONNECTED;

    public boolean isOperating() {
        return this == OPERATING;
    }
}
