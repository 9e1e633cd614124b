package org.itlgateway.gateway.messaging;

import java.time.Instant;
import java.util.Objects;

/**
 * A request as it reached a node, after its signature verified: the operation, its header, the payload as
 * the generated wire object, who signed it, when it arrived and the signed XML exactly as received.
 *
 * @param operation  the operation called
 * @param envelope   the header
 * @param payload    the request's content (a generated {@code Des*} object, or {@code null} for provideTime)
 * @param signer     the node code of the verified signer certificate
 * @param receivedAt when it arrived (the node's clock)
 * @param rawXml     the message as received, signature included (for the journal and audit)
 */
public record InboundMessage(Operation operation, Envelope envelope, Object payload, String signer,
                             Instant receivedAt, byte[] rawXml) {

    public InboundMessage {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(envelope, "envelope");
        rawXml = rawXml == null ? new byte[0] : rawXml;
    }
}
