package org.itlgateway.core.holding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.unit.SerialRange;

/** Holdings in memory: one ordered map of pieces per originating registry. Not thread-safe; keeps no history. */
public final class InMemoryHoldingStore implements HoldingStore {

    private final Map<RegistryCode, NavigableMap<Long, HeldBlock>> byOrigin = new TreeMap<>();

    @Override
    public List<HeldBlock> overlapping(RegistryCode origin, SerialRange range) {
        NavigableMap<Long, HeldBlock> pieces = byOrigin.get(origin);
        List<HeldBlock> found = new ArrayList<>();
        if (pieces == null) {
            return found;
        }
        Map.Entry<Long, HeldBlock> before = pieces.floorEntry(range.start());
        if (before != null && before.getValue().range().overlaps(range)) {
            found.add(before.getValue());
        }
        for (HeldBlock piece : pieces.subMap(range.start(), false, range.end(), true).values()) {
            found.add(piece);
        }
        return found;
    }

    @Override
    public void remove(HeldBlock piece, Instant at) {
        NavigableMap<Long, HeldBlock> pieces = byOrigin.get(piece.block().attributes().originatingRegistry());
        HeldBlock current = pieces == null ? null : pieces.get(piece.range().start());
        if (!piece.equals(current)) {
            throw new IllegalStateException("not held as such: " + piece);
        }
        pieces.remove(piece.range().start());
    }

    @Override
    public void add(HeldBlock piece, Instant at) {
        RegistryCode origin = piece.block().attributes().originatingRegistry();
        if (!overlapping(origin, piece.range()).isEmpty()) {
            throw new IllegalStateException("serial numbers held twice: " + piece);
        }
        byOrigin.computeIfAbsent(origin, o -> new TreeMap<>()).put(piece.range().start(), piece);
    }

    @Override
    public List<HeldBlock> heldBy(AccountRef account) {
        return all().stream().filter(p -> p.account().equals(account)).toList();
    }

    @Override
    public List<HeldBlock> reservedBy(TransactionId transaction) {
        return all().stream().filter(p -> Objects.equals(p.reservedBy(), transaction)).toList();
    }

    /** Every piece, by originating registry and serial. */
    public List<HeldBlock> all() {
        List<HeldBlock> all = new ArrayList<>();
        byOrigin.values().forEach(pieces -> all.addAll(pieces.values()));
        return all;
    }
}
