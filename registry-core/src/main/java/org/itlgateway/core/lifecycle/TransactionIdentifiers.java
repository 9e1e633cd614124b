package org.itlgateway.core.lifecycle;

import java.util.Objects;
import org.itlgateway.core.Sequences;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.TransactionId;

/**
 * Hands out a registry's transaction identifiers (registry code + sequence number, e.g. CDM100023) from the
 * sequence named {@code transaction.<registry code>}, so no identifier is ever used twice.
 */
public final class TransactionIdentifiers {

    private final RegistryCode registry;
    private final Sequences sequences;

    public TransactionIdentifiers(RegistryCode registry, Sequences sequences) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.sequences = Objects.requireNonNull(sequences, "sequences");
    }

    /** The name of the sequence the identifiers come from. */
    public String sequence() {
        return "transaction." + registry.value();
    }

    public TransactionId next() {
        return TransactionId.of(registry, sequences.next(sequence()));
    }
}
