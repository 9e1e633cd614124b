package org.itlgateway.gateway.delivery;

/** The inbox or outbox could not be read or written (the database is unavailable or refused the change). */
public final class DeliveryStoreException extends RuntimeException {

    public DeliveryStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
