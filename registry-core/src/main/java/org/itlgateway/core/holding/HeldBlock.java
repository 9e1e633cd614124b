package org.itlgateway.core.holding;

import java.util.Objects;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.UnitBlock;

/**
 * A unit block as held: in which account, and whether a transaction that is not final has reserved it (units in
 * flight stay in the transferring account, reserved, until the transaction finalises).
 *
 * @param block      the units
 * @param account    the account that holds them
 * @param reservedBy the transaction that reserved them, or {@code null}
 */
public record HeldBlock(UnitBlock block, AccountRef account, TransactionId reservedBy) implements Comparable<HeldBlock> {

    public HeldBlock {
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(account, "account");
    }

    public static HeldBlock free(UnitBlock block, AccountRef account) {
        return new HeldBlock(block, account, null);
    }

    public boolean isReserved() {
        return reservedBy != null;
    }

    public SerialRange range() {
        return block.range();
    }

    public HeldBlock withRange(SerialRange part) {
        return new HeldBlock(block.withRange(part), account, reservedBy);
    }

    public HeldBlock reservedFor(TransactionId transaction) {
        return new HeldBlock(block, account, transaction);
    }

    public HeldBlock released() {
        return new HeldBlock(block, account, null);
    }

    /** True when {@code next} continues this piece in every respect, so the two are one. */
    public boolean mergesWith(HeldBlock next) {
        return block.mergesWith(next.block) && account.equals(next.account) && Objects.equals(reservedBy, next.reservedBy);
    }

    public HeldBlock mergedWith(HeldBlock next) {
        return withRange(new SerialRange(range().start(), next.range().end()));
    }

    @Override
    public int compareTo(HeldBlock other) {
        return block.compareTo(other.block);
    }

    @Override
    public String toString() {
        return block + " in " + account + (reservedBy == null ? "" : " reserved by " + reservedBy);
    }
}
