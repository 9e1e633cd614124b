package org.itlgateway.gateway.delivery;

import java.time.Duration;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.wire.InboundMessage;

/** Told of every verified message the inbox's receiver answered (for the node's meters and its message log). */
@FunctionalInterface
public interface ReceiptObserver {

    /**
     * @param message   what arrived, verified
     * @param receipt   the receipt it got: accepted into the inbox, answered (a query), or refused with codes
     * @param duplicate whether it was a message received before with the same content (accepted again, kept once)
     * @param took      how long the receiver took, from the verified request to its receipt
     */
    void received(InboundMessage message, Receipt receipt, boolean duplicate, Duration took);

    ReceiptObserver NONE = (message, receipt, duplicate, took) -> { };
}
