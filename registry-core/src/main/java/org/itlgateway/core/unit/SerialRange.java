package org.itlgateway.core.unit;

import java.util.ArrayList;
import java.util.List;

/** An inclusive range of serial numbers, {@code start..end}; its quantity is {@code end - start + 1}. */
public record SerialRange(long start, long end) implements Comparable<SerialRange> {

    public SerialRange {
        if (start < 1) {
            throw new IllegalArgumentException("serial numbers start at 1, not " + start);
        }
        if (start > end) {
            throw new IllegalArgumentException("a serial range starts before it ends: " + start + ".." + end);
        }
    }

    public static SerialRange of(long start, long end) {
        return new SerialRange(start, end);
    }

    /** A range of {@code quantity} serial numbers beginning at {@code start}. */
    public static SerialRange ofQuantity(long start, long quantity) {
        return new SerialRange(start, Math.addExact(start, quantity - 1));
    }

    public long quantity() {
        return end - start + 1;
    }

    public boolean contains(long serial) {
        return serial >= start && serial <= end;
    }

    public boolean contains(SerialRange other) {
        return other.start >= start && other.end <= end;
    }

    public boolean overlaps(SerialRange other) {
        return other.start <= end && other.end >= start;
    }

    /** True when this range ends right before {@code other} begins (so the two can merge). */
    public boolean precedesAdjacently(SerialRange other) {
        return end != Long.MAX_VALUE && end + 1 == other.start;
    }

    /** The serial numbers both ranges hold, or {@code null} when they do not overlap. */
    public SerialRange intersection(SerialRange other) {
        return overlaps(other) ? new SerialRange(Math.max(start, other.start), Math.min(end, other.end)) : null;
    }

    /** What remains of this range once {@code taken} is removed: zero, one or two ranges, in order. */
    public List<SerialRange> minus(SerialRange taken) {
        List<SerialRange> rest = new ArrayList<>(2);
        if (!overlaps(taken)) {
            rest.add(this);
            return rest;
        }
        if (taken.start > start) {
            rest.add(new SerialRange(start, taken.start - 1));
        }
        if (taken.end < end) {
            rest.add(new SerialRange(taken.end + 1, end));
        }
        return rest;
    }

    /** The first {@code quantity} serial numbers of this range. */
    public SerialRange head(long quantity) {
        if (quantity < 1 || quantity > quantity()) {
            throw new IllegalArgumentException("cannot take " + quantity + " of " + this);
        }
        return new SerialRange(start, start + quantity - 1);
    }

    @Override
    public int compareTo(SerialRange other) {
        int byStart = Long.compare(start, other.start);
        return byStart != 0 ? byStart : Long.compare(end, other.end);
    }

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
