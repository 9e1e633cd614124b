package org.itlgateway.core.holding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;

/**
 * A conversion, carry-over or expiry-date change: units stay in their account and some of their attributes change.
 * The proposal's blocks name the units <em>as they will be</em>; the units are reserved as they are held, and
 * on finalisation each takes the attributes of the block that names it. Only the attributes the transaction type
 * may change can differ: the unit type (AAU to ERU, RMU to ERU), project and track for a conversion; the
 * applicable period for a carry-over; the expiry date for an expiry-date change.
 */
public final class InPlaceChange {

    private final Map<UnitAttributes, UnitAttributes> changes;
    private final List<UnitBlock> held;
    private final List<EvaluationResult> problems;

    private InPlaceChange(Map<UnitAttributes, UnitAttributes> changes, List<UnitBlock> held,
                          List<EvaluationResult> problems) {
        this.changes = changes;
        this.held = held;
        this.problems = problems;
    }

    /** Reads how the proposal would change the units as the ledger holds them now. */
    public static InPlaceChange of(Proposal proposal, Ledger ledger) {
        if (!proposal.type().changesUnitsInPlace()) {
            throw new IllegalArgumentException(proposal.type() + " does not change units in place");
        }
        Map<UnitAttributes, UnitAttributes> changes = new HashMap<>();
        List<UnitBlock> held = new ArrayList<>();
        List<EvaluationResult> problems = new ArrayList<>();
        for (UnitBlock named : proposal.blocks()) {
            List<HeldBlock> pieces = ledger.holdersOf(named.id());
            if (coverage(pieces, named.range()) < named.quantity()) {
                held.add(named); // the reservation refuses it with the right code
                continue;
            }
            for (HeldBlock piece : pieces) {
                UnitAttributes before = piece.block().attributes();
                UnitAttributes after = named.attributes();
                held.add(piece.block().withRange(piece.range().intersection(named.range())));
                if (!allowed(proposal.type(), before, after)) {
                    problems.add(EvaluationResult.of(ResponseCode.BLOCK_ATTRIBUTES_DIFFER_FROM_HOLDING, List.of(named.id()),
                            proposal.type().label() + " cannot change " + before + " into " + after));
                } else if (changes.containsKey(before) && !changes.get(before).equals(after)) {
                    problems.add(EvaluationResult.of(ResponseCode.BLOCK_ATTRIBUTES_DIFFER_FROM_HOLDING, List.of(named.id()),
                            "two blocks would change alike units in different ways"));
                } else {
                    changes.put(before, after);
                }
            }
        }
        return new InPlaceChange(changes, held, problems);
    }

    /** The units the proposal names, with their attributes as held: what to reserve. */
    public List<UnitBlock> heldBlocks() {
        return List.copyOf(held);
    }

    /** Why the proposal cannot change the units so; empty when it can. */
    public List<EvaluationResult> problems() {
        return List.copyOf(problems);
    }

    /** The change to apply to the units' attributes on finalisation. */
    public UnaryOperator<UnitAttributes> change() {
        Map<UnitAttributes, UnitAttributes> copy = Map.copyOf(changes);
        return before -> copy.getOrDefault(before, before);
    }

    /** True when a transaction of {@code type} may turn units with {@code before} into units with {@code after}. */
    public static boolean allowed(TransactionType type, UnitAttributes before, UnitAttributes after) {
        return switch (type) {
            case CONVERSION -> after.unitType() == convertedType(before.unitType())
                    && before.withUnitType(after.unitType()).withProjectAndTrack(after.projectId(), after.track()).equals(after);
            case CARRY_OVER -> before.withApplicablePeriod(after.applicablePeriod()).equals(after);
            case EXPIRY_DATE_CHANGE -> before.withExpiryDate(after.expiryDate()).equals(after);
            default -> false;
        };
    }

    private static UnitType convertedType(UnitType type) {
        return switch (type) {
            case AAU -> UnitType.ERU_FROM_AAU;
            case RMU -> UnitType.ERU_FROM_RMU;
            default -> null;
        };
    }

    private static long coverage(List<HeldBlock> pieces, SerialRange range) {
        long covered = 0;
        for (HeldBlock piece : pieces) {
            SerialRange common = piece.range().intersection(range);
            covered += common == null ? 0 : common.quantity();
        }
        return covered;
    }

    @Override
    public String toString() {
        return "change of " + Objects.toString(changes);
    }
}
