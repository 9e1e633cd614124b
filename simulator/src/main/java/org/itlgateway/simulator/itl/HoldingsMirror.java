package org.itlgateway.simulator.itl;

import java.time.Instant;
import java.util.function.Predicate;
import org.itlgateway.core.holding.InPlaceChange;
import org.itlgateway.core.holding.Ledger;
import org.itlgateway.core.holding.LedgerOutcome;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionType;

/**
 * A log's copy of the holdings of the registries it follows (the ITL: all; the CITL: the EU's). Units in flight
 * are reserved in the transferring account, as in the registry; a completion is applied as the registries
 * apply it. Reconciliation compares a registry's own holdings with this copy.
 */
public final class HoldingsMirror {

    private final Ledger ledger;
    private final Predicate<RegistryCode> followed;

    public HoldingsMirror(Ledger ledger, Predicate<RegistryCode> followed) {
        this.ledger = ledger;
        this.followed = followed;
    }

    public Ledger ledger() {
        return ledger;
    }

    /** Reserves the units a checked proposal moves, in the accounts they leave. */
    public LedgerOutcome reserve(Proposal proposal, Instant now) {
        if (proposal.type() == TransactionType.ISSUANCE || !followed.test(proposal.transferringRegistry())) {
            return LedgerOutcome.applied();
        }
        if (proposal.type().changesUnitsInPlace()) {
            InPlaceChange change = InPlaceChange.of(proposal, ledger);
            if (!change.problems().isEmpty()) {
                return LedgerOutcome.refused(change.problems());
            }
            return ledger.reserve(proposal.id(), change.heldBlocks(), proposal::transferringAccountOf, now);
        }
        return ledger.reserve(proposal.id(), proposal.blocks(), proposal::transferringAccountOf, now);
    }

    /** Frees the units of a transaction that ended without completing. */
    public void release(TransactionId transaction, Instant now) {
        ledger.release(transaction, now);
    }

    /** Applies a completed transaction as the registries did. */
    public void complete(Proposal proposal, Instant now) {
        TransactionId id = proposal.id();
        boolean fromFollowed = followed.test(proposal.transferringRegistry());
        boolean toFollowed = followed.test(proposal.acquiringRegistry());
        if (proposal.type() == TransactionType.ISSUANCE) {
            if (toFollowed) {
                ledger.issue(proposal.acquiringAccount(), proposal.blocks(), now);
            }
        } else if (proposal.type().changesUnitsInPlace()) {
            if (fromFollowed) {
                ledger.changeReserved(id, InPlaceChange.of(proposal, ledger).change(), now);
            }
        } else if (proposal.isExternal()) {
            if (fromFollowed) {
                ledger.debitReserved(id, now);
            }
            if (toFollowed) {
                ledger.credit(proposal.acquiringAccount(), proposal.blocks(), now);
            }
        } else if (fromFollowed) {
            ledger.moveReserved(id, proposal.acquiringAccount(), now);
        }
    }
}
