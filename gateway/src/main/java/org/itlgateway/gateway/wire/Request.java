package org.itlgateway.gateway.wire;

import java.util.Objects;
import java.util.Optional;
import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.schemas.v1.types.DesReceipt;

/**
 * A request of one operation: its header and its content, typed by the operation. The content is read by naming the
 * operation it is expected of ({@code request.content(Wire.LOG_ACCEPT_PROPOSAL)} is a DesProposal), so a handler
 * never casts, and reading it as another operation's fails at once with both names.
 *
 * @param <C> the content's type ({@link Void} for provideTime)
 */
public final class Request<C> {

    private final WireOperation<?, C> operation;
    private final Envelope envelope;
    private final C content;

    Request(WireOperation<?, C> operation, Envelope envelope, C content) {
        this.operation = Objects.requireNonNull(operation, "operation");
        this.envelope = Objects.requireNonNull(envelope, "envelope");
        this.content = content;
    }

    /** The operation's entry in {@link Wire}. */
    public WireOperation<?, C> wire() {
        return operation;
    }

    public Operation operation() {
        return operation.operation();
    }

    /** The header. */
    public Envelope envelope() {
        return envelope;
    }

    /**
     * The content, as the operation {@code expected} carries it.
     *
     * @throws IllegalStateException when this is a request of another operation
     */
    public <T> T content(WireOperation<?, T> expected) {
        if (expected != operation) {
            throw new IllegalStateException("a request of " + operation + " was read as one of " + expected);
        }
        return expected.contentType().cast(content);
    }

    /** The content when this is a request of {@code expected} that has one; empty otherwise. */
    public <T> Optional<T> contentIf(WireOperation<?, T> expected) {
        return expected == operation ? Optional.ofNullable(expected.contentType().cast(content)) : Optional.empty();
    }

    /** The request element holding header and content, as JAXB writes it (the outbox and inbox keep it as XML). */
    public Object element() {
        return operation.element(envelope, content);
    }

    /** Sends the request through the peer's client of its service and answers the receipt. */
    public DesReceipt sendThrough(PeerPorts ports)
            throws org.itlgateway.schemas.v1.registry.RefusalFault, org.itlgateway.schemas.v1.transactionlog.RefusalFault {
        return operation.send(ports, envelope, content);
    }

    @Override
    public String toString() {
        return operation + " from " + envelope.from() + " to " + envelope.to();
    }
}
