package org.itlgateway.core.holding;

import java.time.Instant;
import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.unit.SerialRange;

/**
 * Where a {@link Ledger} keeps its pieces. Pieces never overlap. An implementation on a database locks the
 * pieces it returns from {@link #overlapping} until the surrounding database transaction ends, so two
 * transactions on the same units are applied one after the other.
 */
public interface HoldingStore {

    /** The pieces of {@code origin}'s units that overlap {@code range}, in serial order. */
    List<HeldBlock> overlapping(RegistryCode origin, SerialRange range);

    /** Takes a piece out of the holdings (it stays visible to snapshots taken before {@code at}). */
    void remove(HeldBlock piece, Instant at);

    /** Puts a piece into the holdings from {@code at} on. */
    void add(HeldBlock piece, Instant at);

    /** Every piece held by an account, in serial order. */
    List<HeldBlock> heldBy(AccountRef account);

    /** The pieces reserved by a transaction, in serial order. */
    List<HeldBlock> reservedBy(org.itlgateway.core.transaction.TransactionId transaction);
}
