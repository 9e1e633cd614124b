package org.itlgateway.gateway.delivery;

/** Told of every delivery attempt of the outbox (for a journal of what a node sent). */
@FunctionalInterface
public interface DeliveryListener {

    /**
     * @param message   what was sent
     * @param outcome   how the attempt ended
     * @param detail    the receipt's codes, or why there was no receipt
     * @param signedXml the message as it left, signature included (empty when it never left)
     */
    void attempted(OutboundMessage message, SendOutcome outcome, String detail, byte[] signedXml);

    DeliveryListener NONE = (message, outcome, detail, signedXml) -> { };
}
