package org.itlgateway.gateway.wire;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.gateway.messaging.Operation;

/**
 * A request as it reached a node, after its signature verified: the request (operation, header and content as the
 * generated wire objects), who signed it, when it arrived and the signed XML exactly as received.
 *
 * @param request    the request, its content typed by its operation
 * @param signer     the node code of the verified signer certificate
 * @param receivedAt when it arrived (the node's clock)
 * @param rawXml     the message as received, signature included (for the journal and audit)
 */
public record InboundMessage(Request<?> request, String signer, Instant receivedAt, byte[] rawXml) {

    public InboundMessage {
        Objects.requireNonNull(request, "request");
        rawXml = rawXml == null ? new byte[0] : rawXml;
    }

    /** The operation called. */
    public Operation operation() {
        return request.operation();
    }

    /** The header. */
    public Envelope envelope() {
        return request.envelope();
    }

    /** The content, as the operation {@code expected} carries it; see {@link Request#content}. */
    public <T> T content(WireOperation<?, T> expected) {
        return request.content(expected);
    }

    /** The content when this is a request of {@code expected} that has one; empty otherwise. */
    public <T> Optional<T> contentIf(WireOperation<?, T> expected) {
        return request.contentIf(expected);
    }
}
