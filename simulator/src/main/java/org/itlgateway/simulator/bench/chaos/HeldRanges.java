package org.itlgateway.simulator.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Serial ranges (of one originating registry), merged and compared; overlaps are serials held twice. */
final class HeldRanges {

    record Range(String origin, long start, long end, String holder) {
        long quantity() {
            return end - start + 1;
        }
    }

    private final List<Range> ranges = new ArrayList<>();

    void add(JsonNode block, String holder) {
        ranges.add(new Range(block.path("originatingRegistry").asText(), block.path("start").asLong(),
                block.path("end").asLong(), holder));
    }

    void add(Range range, String holder) {
        ranges.add(new Range(range.origin(), range.start(), range.end(), holder));
    }

    long quantity() {
        return ranges.stream().mapToLong(Range::quantity).sum();
    }

    /** Pairs of pieces that share a serial, in words; empty when every serial is held once. */
    List<String> overlaps() {
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(Range::origin).thenComparingLong(Range::start));
        List<String> found = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            Range previous = sorted.get(i - 1);
            Range current = sorted.get(i);
            if (previous.origin().equals(current.origin()) && current.start() <= previous.end()) {
                found.add(previous + " and " + current);
            }
        }
        return found;
    }

    /** The ranges merged where they touch, holders left out: two holdings compare equal when they cover the same serials. */
    List<Range> merged() {
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(Range::origin).thenComparingLong(Range::start));
        List<Range> merged = new ArrayList<>();
        for (Range range : sorted) {
            Range last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.origin().equals(range.origin()) && range.start() <= last.end() + 1) {
                merged.set(merged.size() - 1, new Range(last.origin(), last.start(), Math.max(last.end(), range.end()), null));
            } else {
                merged.add(new Range(range.origin(), range.start(), range.end(), null));
            }
        }
        return merged;
    }
}
