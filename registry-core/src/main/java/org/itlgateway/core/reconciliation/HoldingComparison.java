package org.itlgateway.core.reconciliation;

import java.util.Iterator;
import java.util.function.Consumer;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.UnitBlockId;

/**
 * Compares a registry's pieces with the log's, serial number by serial number, in one pass over two streams
 * sorted by originating registry and serial start. The two sides may cut the same units into pieces differently
 * (a reservation splits a piece on one side only), so units are compared, not pieces; reservations are not
 * compared. Neighbouring units that differ in the same way are reported as one block. Memory stays flat however
 * many pieces stream by.
 */
public final class HoldingComparison {

    private final Iterator<HeldBlock> reported;
    private final Iterator<HeldBlock> recorded;
    private final Consumer<BlockDifference> differences;
    private BlockDifference pending;
    private long comparedPieces;

    private HoldingComparison(Iterator<HeldBlock> reported, Iterator<HeldBlock> recorded,
                              Consumer<BlockDifference> differences) {
        this.reported = reported;
        this.recorded = recorded;
        this.differences = differences;
    }

    /**
     * Hands every difference between the registry's pieces ({@code reported}) and the log's ({@code recorded})
     * to {@code differences}, in serial order; answers how many pieces were read from both sides.
     */
    public static long compare(Iterator<HeldBlock> reported, Iterator<HeldBlock> recorded,
                               Consumer<BlockDifference> differences) {
        HoldingComparison comparison = new HoldingComparison(reported, recorded, differences);
        comparison.run();
        return comparison.comparedPieces;
    }

    private void run() {
        HeldBlock mine = nextOf(reported);
        HeldBlock theirs = nextOf(recorded);
        while (mine != null || theirs != null) {
            if (theirs == null || mine != null && originOf(mine).compareTo(originOf(theirs)) < 0) {
                note(ResponseCode.BLOCK_EXTRA, mine, mine.range(), "reported in " + mine.account() + ", not in the log");
                mine = nextOf(reported);
                continue;
            }
            if (mine == null || originOf(theirs).compareTo(originOf(mine)) < 0) {
                note(ResponseCode.BLOCK_MISSING, theirs, theirs.range(), "recorded in " + theirs.account() + ", not reported");
                theirs = nextOf(recorded);
                continue;
            }
            long mineStart = mine.range().start();
            long theirStart = theirs.range().start();
            if (mineStart < theirStart) {
                long end = Math.min(mine.range().end(), theirStart - 1);
                note(ResponseCode.BLOCK_EXTRA, mine, new SerialRange(mineStart, end),
                        "reported in " + mine.account() + ", not in the log");
                mine = after(mine, end, reported);
                continue;
            }
            if (theirStart < mineStart) {
                long end = Math.min(theirs.range().end(), mineStart - 1);
                note(ResponseCode.BLOCK_MISSING, theirs, new SerialRange(theirStart, end),
                        "recorded in " + theirs.account() + ", not reported");
                theirs = after(theirs, end, recorded);
                continue;
            }
            long end = Math.min(mine.range().end(), theirs.range().end());
            SerialRange common = new SerialRange(mineStart, end);
            if (!mine.account().equals(theirs.account())) {
                note(ResponseCode.BLOCK_IN_WRONG_ACCOUNT, mine, common,
                        "reported in " + mine.account() + ", recorded in " + theirs.account());
            } else if (!mine.block().attributes().equals(theirs.block().attributes())) {
                note(ResponseCode.BLOCK_ATTRIBUTES_DIFFER, mine, common,
                        "reported " + mine.block().attributes() + ", recorded " + theirs.block().attributes());
            }
            mine = after(mine, end, reported);
            theirs = after(theirs, end, recorded);
        }
        flush();
    }

    private HeldBlock nextOf(Iterator<HeldBlock> side) {
        if (!side.hasNext()) {
            return null;
        }
        comparedPieces++;
        return side.next();
    }

    /** What is left of {@code piece} after serial {@code end}, or the side's next piece. */
    private HeldBlock after(HeldBlock piece, long end, Iterator<HeldBlock> side) {
        if (end < piece.range().end()) {
            return piece.withRange(new SerialRange(end + 1, piece.range().end()));
        }
        return nextOf(side);
    }

    private void note(ResponseCode code, HeldBlock piece, SerialRange range, String detail) {
        UnitBlockId id = new UnitBlockId(piece.block().attributes().originatingRegistry(), range);
        if (pending != null && pending.code() == code && pending.detail().equals(detail)
                && pending.block().originatingRegistry().equals(id.originatingRegistry())
                && pending.block().range().end() + 1 == range.start()) {
            pending = new BlockDifference(code, new UnitBlockId(id.originatingRegistry(),
                    new SerialRange(pending.block().range().start(), range.end())), detail);
            return;
        }
        flush();
        pending = new BlockDifference(code, id, detail);
    }

    private void flush() {
        if (pending != null) {
            differences.accept(pending);
            pending = null;
        }
    }

    private static String originOf(HeldBlock piece) {
        return piece.block().attributes().originatingRegistry().value();
    }
}
