package org.itlgateway.core.unit;

import java.util.List;
import java.util.Objects;

/** A range of units sharing all attributes. Quantity is {@code end - start + 1}. */
public record UnitBlock(SerialRange range, UnitAttributes attributes) implements Comparable<UnitBlock> {

    public UnitBlock {
        Objects.requireNonNull(range, "serial range");
        Objects.requireNonNull(attributes, "attributes");
    }

    public static UnitBlock of(long start, long end, UnitAttributes attributes) {
        return new UnitBlock(new SerialRange(start, end), attributes);
    }

    public UnitBlockId id() {
        return new UnitBlockId(attributes.originatingRegistry(), range);
    }

    public long quantity() {
        return range.quantity();
    }

    public long start() {
        return range.start();
    }

    public long end() {
        return range.end();
    }

    public UnitType unitType() {
        return attributes.unitType();
    }

    /** The same units over another range (a part of this block after a split). */
    public UnitBlock withRange(SerialRange part) {
        return new UnitBlock(part, attributes);
    }

    public UnitBlock withAttributes(UnitAttributes changed) {
        return new UnitBlock(range, changed);
    }

    /** True when both are about the same units of the same originating registry, in part at least. */
    public boolean overlaps(UnitBlock other) {
        return id().overlaps(other.id());
    }

    /** True when {@code next} continues this block and can be merged with it. */
    public boolean mergesWith(UnitBlock next) {
        return attributes.equals(next.attributes) && range.precedesAdjacently(next.range);
    }

    /** The pieces of this block outside {@code taken}. */
    public List<UnitBlock> minus(SerialRange taken) {
        return range.minus(taken).stream().map(this::withRange).toList();
    }

    public static long quantityOf(List<UnitBlock> blocks) {
        long total = 0;
        for (UnitBlock block : blocks) {
            total = Math.addExact(total, block.quantity());
        }
        return total;
    }

    @Override
    public int compareTo(UnitBlock other) {
        return id().compareTo(other.id());
    }

    @Override
    public String toString() {
        return id() + " " + attributes.unitType().label();
    }
}
