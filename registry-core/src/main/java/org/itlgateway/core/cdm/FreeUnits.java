package org.itlgateway.core.cdm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.UnitBlock;

/**
 * The units an account can give now: its pieces that no transaction has reserved, less any serial numbers set
 * aside (the share of proceeds still owed from the pending account). Chooses the lowest serial numbers first.
 */
final class FreeUnits {

    private FreeUnits() {
    }

    /** The first {@code quantity} free units among {@code pieces} that {@code wanted} accepts, or empty if too few. */
    static Optional<List<UnitBlock>> take(List<HeldBlock> pieces, Predicate<UnitBlock> wanted,
                                          List<SerialRange> setAside, long quantity) {
        List<UnitBlock> taken = new ArrayList<>();
        long missing = quantity;
        for (HeldBlock piece : pieces) {
            if (missing == 0) {
                break;
            }
            if (piece.isReserved() || !wanted.test(piece.block())) {
                continue;
            }
            for (SerialRange part : without(piece.range(), setAside)) {
                if (missing == 0) {
                    break;
                }
                SerialRange head = part.head(Math.min(missing, part.quantity()));
                taken.add(piece.block().withRange(head));
                missing -= head.quantity();
            }
        }
        return missing == 0 && quantity > 0 ? Optional.of(taken) : Optional.empty();
    }

    /** Every free unit among {@code pieces} that {@code wanted} accepts. */
    static List<UnitBlock> all(List<HeldBlock> pieces, Predicate<UnitBlock> wanted, List<SerialRange> setAside) {
        List<UnitBlock> all = new ArrayList<>();
        for (HeldBlock piece : pieces) {
            if (!piece.isReserved() && wanted.test(piece.block())) {
                without(piece.range(), setAside).forEach(part -> all.add(piece.block().withRange(part)));
            }
        }
        return all;
    }

    private static List<SerialRange> without(SerialRange range, List<SerialRange> setAside) {
        List<SerialRange> parts = new ArrayList<>(List.of(range));
        for (SerialRange aside : setAside) {
            List<SerialRange> next = new ArrayList<>();
            for (SerialRange part : parts) {
                next.addAll(part.minus(aside));
            }
            parts = next;
        }
        return parts;
    }
}
