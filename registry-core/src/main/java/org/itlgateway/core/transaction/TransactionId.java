package org.itlgateway.core.transaction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itlgateway.core.registry.RegistryCode;

/** A transaction's identity: the proposing registry's code and its sequence number, e.g. CDM100023. */
public record TransactionId(RegistryCode registry, long sequence) implements Comparable<TransactionId> {

    private static final Pattern FORM = Pattern.compile("([A-Z]{2}|CDM)([0-9]{1,15})");

    public TransactionId {
        if (registry == null) {
            throw new IllegalArgumentException("a transaction identifier names its registry");
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("a transaction sequence number is not negative: " + sequence);
        }
    }

    /** Parses the wire form, e.g. {@code CDM100023}. */
    public static TransactionId parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("a transaction identifier is a registry code followed by digits, not " + text);
        }
        return new TransactionId(new RegistryCode(m.group(1)), Long.parseLong(m.group(2)));
    }

    public static TransactionId of(RegistryCode registry, long sequence) {
        return new TransactionId(registry, sequence);
    }

    @Override
    public int compareTo(TransactionId other) {
        int byRegistry = registry.compareTo(other.registry);
        return byRegistry != 0 ? byRegistry : Long.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return registry.value() + sequence;
    }
}
