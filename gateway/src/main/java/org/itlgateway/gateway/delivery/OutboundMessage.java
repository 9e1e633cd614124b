package org.itlgateway.gateway.delivery;

import java.util.Objects;
import java.util.Optional;
import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.wire.Outgoing;
import org.itlgateway.gateway.wire.Request;
import org.itlgateway.gateway.wire.WireOperation;
import org.itlgateway.schemas.DesContract;

/**
 * A message to send: to which node, its business identity and the request itself (operation, header and content
 * as the generated wire objects).
 */
public record OutboundMessage(String destination, String messageKey, Request<?> request) {

    public OutboundMessage {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(request, "request");
    }

    /** A message with its header filled in from {@code from} to {@code destination}, in the version this node speaks. */
    public static <C> OutboundMessage of(String from, String destination, WireOperation<?, C> operation, C content) {
        Request<C> request = operation.request(
                new Envelope(from, destination, DesContract.MAJOR_VERSION, DesContract.MINOR_VERSION), content);
        return new OutboundMessage(destination, MessageKeys.keyOf(request, PayloadCodec.digest(request)), request);
    }

    /** A message of {@code outgoing}'s operation and content, from {@code from} to {@code destination}. */
    public static OutboundMessage of(String from, String destination, Outgoing<?> outgoing) {
        return typed(from, destination, outgoing);
    }

    private static <C> OutboundMessage typed(String from, String destination, Outgoing<C> outgoing) {
        return of(from, destination, outgoing.operation(), outgoing.content());
    }

    /** The operation called. */
    public Operation operation() {
        return request.operation();
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
