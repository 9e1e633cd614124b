package org.itlgateway.core.unit;

import java.util.Comparator;
import org.itlgateway.core.registry.RegistryCode;

/** Identifies a unit block: its serial range within its originating registry. */
public record UnitBlockId(RegistryCode originatingRegistry, SerialRange range) implements Comparable<UnitBlockId> {

    private static final Comparator<UnitBlockId> ORDER =
            Comparator.comparing(UnitBlockId::originatingRegistry).thenComparing(UnitBlockId::range);

    public static UnitBlockId of(RegistryCode registry, long start, long end) {
        return new UnitBlockId(registry, new SerialRange(start, end));
    }

    /** True when both name some of the same units. */
    public boolean overlaps(UnitBlockId other) {
        return originatingRegistry.equals(other.originatingRegistry) && range.overlaps(other.range);
    }

    @Override
    public int compareTo(UnitBlockId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return originatingRegistry + ":" + range;
    }
}
