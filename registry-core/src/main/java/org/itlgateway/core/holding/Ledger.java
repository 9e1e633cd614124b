package org.itlgateway.core.holding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;

/**
 * A registry's holdings of units, kept as pieces (a unit block held by one account, maybe reserved by a
 * transaction). Pieces are split when part of them moves and merged again when neighbours become alike, so
 * each serial number is in exactly one piece: held in at most one account, always.
 *
 * <p>Every operation checks first and changes after, so a refused operation changes nothing. Units in flight
 * are reserved in the transferring account and leave it only when the transaction finalises.
 */
public final class Ledger {

    private final HoldingStore store;

    public Ledger(HoldingStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Creates units in {@code account}: refused when any of their serial numbers exists already. */
    public LedgerOutcome issue(AccountRef account, List<UnitBlock> blocks, Instant at) {
        List<UnitBlockId> existing = new ArrayList<>();
        for (UnitBlock block : blocks) {
            if (!store.overlapping(origin(block), block.range()).isEmpty()) {
                existing.add(block.id());
            }
        }
        if (!existing.isEmpty()) {
            return LedgerOutcome.refused(List.of(EvaluationResult.of(ResponseCode.SERIALS_ALREADY_ISSUED, existing,
                    "these serial numbers are issued already")));
        }
        for (UnitBlock block : blocks) {
            put(HeldBlock.free(block, account), at);
        }
        return LedgerOutcome.applied();
    }

    /**
     * Adds units that arrive from another registry (the acquiring side of an external transfer): refused when
     * any of them is held here already.
     */
    public LedgerOutcome credit(AccountRef account, List<UnitBlock> blocks, Instant at) {
        List<UnitBlockId> held = new ArrayList<>();
        for (UnitBlock block : blocks) {
            if (!store.overlapping(origin(block), block.range()).isEmpty()) {
                held.add(block.id());
            }
        }
        if (!held.isEmpty()) {
            return LedgerOutcome.refused(List.of(EvaluationResult.of(ResponseCode.UNITS_NOT_HELD, held,
                    "these units are held in this registry already")));
        }
        for (UnitBlock block : blocks) {
            put(HeldBlock.free(block, account), at);
        }
        return LedgerOutcome.applied();
    }

    /**
     * Reserves units for a transaction in the account each block leaves. Refused, with every reason, when some
     * units do not exist, are held elsewhere, are reserved by another transaction, sit in an account they can
     * never leave, or differ in their attributes from the block proposed.
     */
    public LedgerOutcome reserve(TransactionId transaction, List<UnitBlock> blocks,
                                 Function<UnitBlock, AccountRef> leavingAccount, Instant at) {
        Map<ResponseCode, List<UnitBlockId>> problems = new LinkedHashMap<>();
        for (UnitBlock block : blocks) {
            AccountRef from = leavingAccount.apply(block);
            List<HeldBlock> pieces = store.overlapping(origin(block), block.range());
            if (covered(pieces, block.range()) < block.quantity()) {
                problems.computeIfAbsent(ResponseCode.UNITS_DO_NOT_EXIST, c -> new ArrayList<>()).add(block.id());
                continue;
            }
            for (HeldBlock piece : pieces) {
                ResponseCode problem = problemWith(piece, block, from, transaction);
                if (problem != null) {
                    List<UnitBlockId> ids = problems.computeIfAbsent(problem, c -> new ArrayList<>());
                    if (!ids.contains(block.id())) {
                        ids.add(block.id());
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            List<EvaluationResult> results = new ArrayList<>();
            problems.forEach((code, ids) -> results.add(EvaluationResult.of(code, ids, code.meaning())));
            return LedgerOutcome.refused(results);
        }
        for (UnitBlock block : blocks) {
            reshape(block.range(), origin(block), piece -> piece.reservedFor(transaction), at);
        }
        return LedgerOutcome.applied();
    }

    /** Gives reserved units back to their account, free (the transaction was terminated, rejected, cancelled). */
    public void release(TransactionId transaction, Instant at) {
        for (HeldBlock piece : store.reservedBy(transaction)) {
            reshape(piece.range(), origin(piece.block()), HeldBlock::released, at);
        }
    }

    /** Moves a transaction's reserved units into {@code account}, free (an internal transaction completes). */
    public void moveReserved(TransactionId transaction, AccountRef account, Instant at) {
        for (HeldBlock piece : store.reservedBy(transaction)) {
            reshape(piece.range(), origin(piece.block()),
                    p -> new HeldBlock(p.block(), account, null), at);
        }
    }

    /** Changes the attributes of a transaction's reserved units in place and frees them (conversion, carry-over ...). */
    public void changeReserved(TransactionId transaction, UnaryOperator<UnitAttributes> change, Instant at) {
        for (HeldBlock piece : store.reservedBy(transaction)) {
            reshape(piece.range(), origin(piece.block()),
                    p -> new HeldBlock(p.block().withAttributes(change.apply(p.block().attributes())), p.account(), null), at);
        }
    }

    /** Removes a transaction's reserved units from this registry (the transferring side of an external transfer completes). */
    public void debitReserved(TransactionId transaction, Instant at) {
        for (HeldBlock piece : store.reservedBy(transaction)) {
            store.remove(piece, at);
        }
    }

    /**
     * Sets the units of {@code range} as a manual intervention decided: whatever this ledger holds of them now goes,
     * and {@code asHeld} (the pieces that should hold them, cut to the range; none when they should not exist here)
     * takes its place, free. Units of the pieces that stick out of the range stay as they are. A correction outside
     * the protocol, recorded at {@code at} like any change, so a snapshot after it shows the corrected holdings.
     */
    public void correct(RegistryCode origin, SerialRange range, List<HeldBlock> asHeld, Instant at) {
        for (HeldBlock piece : store.overlapping(origin, range)) {
            store.remove(piece, at);
            for (SerialRange outside : piece.range().minus(range)) {
                store.add(piece.withRange(outside), at);
            }
        }
        for (HeldBlock piece : asHeld) {
            if (!origin(piece.block()).equals(origin)) {
                throw new IllegalArgumentException(piece + " is not of " + origin);
            }
            SerialRange inside = piece.range().intersection(range);
            if (inside != null) {
                put(HeldBlock.free(piece.block().withRange(inside), piece.account()), at);
            }
        }
    }

    /** Every piece an account holds, in serial order. */
    public List<HeldBlock> heldBy(AccountRef account) {
        return store.heldBy(account);
    }

    public long quantityHeldBy(AccountRef account) {
        long total = 0;
        for (HeldBlock piece : store.heldBy(account)) {
            total += piece.block().quantity();
        }
        return total;
    }

    /** The pieces that hold any of {@code block}'s units. */
    public List<HeldBlock> holdersOf(UnitBlockId block) {
        return store.overlapping(block.originatingRegistry(), block.range());
    }

    private static ResponseCode problemWith(HeldBlock piece, UnitBlock proposed, AccountRef from, TransactionId transaction) {
        if (!piece.account().equals(from)) {
            return piece.account().type().canTransferOut() ? ResponseCode.UNITS_NOT_HELD : ResponseCode.UNITS_CANCELLED_OR_RETIRED;
        }
        if (!piece.account().type().canTransferOut()) {
            return ResponseCode.UNITS_CANCELLED_OR_RETIRED;
        }
        if (piece.isReserved() && !piece.reservedBy().equals(transaction)) {
            return ResponseCode.UNITS_RESERVED;
        }
        if (!piece.block().attributes().equals(proposed.attributes())) {
            return ResponseCode.BLOCK_ATTRIBUTES_DIFFER_FROM_HOLDING;
        }
        return null;
    }

    private static long covered(List<HeldBlock> pieces, SerialRange range) {
        long covered = 0;
        for (HeldBlock piece : pieces) {
            SerialRange common = piece.range().intersection(range);
            if (common != null) {
                covered += common.quantity();
            }
        }
        return covered;
    }

    /**
     * Replaces the part of the holdings inside {@code range} by {@code change} of it: pieces that stick out are
     * split and keep their outer parts unchanged; the result is merged with alike neighbours.
     */
    private void reshape(SerialRange range, RegistryCode origin, UnaryOperator<HeldBlock> change, Instant at) {
        for (HeldBlock piece : store.overlapping(origin, range)) {
            store.remove(piece, at);
            for (SerialRange outside : piece.range().minus(range)) {
                store.add(piece.withRange(outside), at);
            }
            put(change.apply(piece.withRange(piece.range().intersection(range))), at);
        }
    }

    /** Adds a piece, merging it with the pieces right before and after it when they are alike. */
    private void put(HeldBlock piece, Instant at) {
        RegistryCode origin = origin(piece.block());
        HeldBlock merged = piece;
        long start = merged.range().start();
        if (start > 1) {
            for (HeldBlock before : store.overlapping(origin, new SerialRange(start - 1, start - 1))) {
                if (before.mergesWith(merged)) {
                    store.remove(before, at);
                    merged = before.mergedWith(merged);
                }
            }
        }
        long end = merged.range().end();
        if (end < Long.MAX_VALUE) {
            for (HeldBlock after : store.overlapping(origin, new SerialRange(end + 1, end + 1))) {
                if (merged.mergesWith(after)) {
                    store.remove(after, at);
                    merged = merged.mergedWith(after);
                }
            }
        }
        store.add(merged, at);
    }

    private static RegistryCode origin(UnitBlock block) {
        return block.attributes().originatingRegistry();
    }
}
