package org.itlgateway.gateway.messaging;

/** The two services of the contract. */
public enum Service {
    /** Hosted by every registry; called by the ITL. */
    REGISTRY,
    /** Hosted by the ITL (and the CITL); called by registries and by the ITL. */
    TRANSACTION_LOG
}
