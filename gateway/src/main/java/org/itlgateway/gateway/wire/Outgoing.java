package org.itlgateway.gateway.wire;

import java.util.Objects;

/**
 * The content of a message to send, with the operation that carries it: what a node hands the outbox without
 * naming the generated wire types (the facades of this package build it from domain values).
 *
 * @param <C> the content's type, as the operation carries it
 */
public record Outgoing<C>(WireOperation<?, C> operation, C content) {

    public Outgoing {
        Objects.requireNonNull(operation, "operation");
    }
}
