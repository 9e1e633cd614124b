package org.itlgateway.simulator.conformance.broken;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.itlgateway.core.holding.GroupSnapshots;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.holding.HeldBlockCursor;
import org.itlgateway.core.holding.HoldingGroup;
import org.itlgateway.core.holding.HoldingSnapshots;
import org.itlgateway.core.holding.HoldingTotal;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.store.Repositories;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.gateway.delivery.InboxHandler;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.node.NodeStores;
import org.itlgateway.gateway.wire.RegistryMessages;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.v1.types.DesTransactionNotification;

/** The deliberately wrong parts the broken registries are assembled with, one fault each. */
final class Faults {

    private static final Set<TransactionStatus> ENDS = Set.of(TransactionStatus.CHECKED_DISCREPANCY,
            TransactionStatus.STL_CHECKED_DISCREPANCY, TransactionStatus.TERMINATED, TransactionStatus.REJECTED,
            TransactionStatus.CANCELLED);

    private Faults() {
    }

    /** Takes the ITL's acceptProposal in (receipt 1) and never processes it: no acceptance (8) or rejection (6) follows. */
    static InboxHandler neverAnswersProposals(NodeStores stores, InboxHandler own) {
        return (connection, message) -> message.operation() == Operation.REGISTRY_ACCEPT_PROPOSAL
                ? "taken in and left unanswered" : own.handle(connection, message);
    }

    /**
     * Takes the ITL's 2 (checked, no discrepancy) on an external transfer it proposed as if it were the 8 (accepted by
     * the acquiring registry): it finalises (debits the units) and confirms 4 without waiting for the acquiring side.
     */
    static InboxHandler finalisesOnChecked(NodeStores stores, InboxHandler own) {
        return (connection, message) -> {
            String outcome = own.handle(connection, message);
            if (message.operation() != Operation.REGISTRY_ACCEPT_NOTIFICATION) {
                return outcome;
            }
            RegistryMessages.StatusNotification notification = RegistryMessages.notificationOf(message);
            boolean externalOut = notification.status() == TransactionStatus.CHECKED_NO_DISCREPANCY
                    && stores.transactions().find(notification.id()).map(Transaction::proposal)
                            .filter(Proposal::isExternal).isPresent();
            if (!externalOut) {
                return outcome;
            }
            DesTransactionNotification wire = message.content(Wire.REGISTRY_ACCEPT_NOTIFICATION);
            wire.setTransactionStatus(TransactionStatus.ACCEPTED.code());
            try {
                return outcome + "; then, as if accepted: " + own.handle(connection, message);
            } finally {
                wire.setTransactionStatus(TransactionStatus.CHECKED_NO_DISCREPANCY.code());
            }
        };
    }

    /** Ends a transaction it proposed as the ITL says, then reserves its units again: they stay reserved for good. */
    static InboxHandler keepsReservedUnits(NodeStores stores, InboxHandler own) {
        return (connection, message) -> {
            if (message.operation() != Operation.REGISTRY_ACCEPT_NOTIFICATION) {
                return own.handle(connection, message);
            }
            RegistryMessages.StatusNotification notification = RegistryMessages.notificationOf(message);
            Optional<Proposal> proposal = ENDS.contains(notification.status())
                    ? stores.transactions().find(notification.id()).filter(t -> !t.isFinal()).map(Transaction::proposal)
                            .filter(p -> p.transferringAccount() != null && !p.blocks().isEmpty())
                    : Optional.empty();
            String outcome = own.handle(connection, message);
            proposal.ifPresent(p -> stores.ledger().reserve(p.id(), p.blocks(), block -> p.transferringAccount(),
                    message.receivedAt()));
            return outcome;
        };
    }

    /** Its stores with the holdings of a reconciliation's snapshot read as they are now, whatever moment is asked. */
    static NodeStores reconcilesLiveHoldings(NodeStores own, Clock clock) {
        Repositories r = own.repositories();
        HoldingSnapshots snapshots = r.snapshots();
        GroupSnapshots groups = r.groupSnapshots();
        HoldingSnapshots live = new HoldingSnapshots() {
            @Override
            public void holdingsAsOf(RegistryCode registry, Instant snapshot, Consumer<? super HeldBlock> each) {
                snapshots.holdingsAsOf(registry, clock.instant(), each);
            }

            @Override
            public List<HoldingTotal> totalsAsOf(Collection<RegistryCode> registries, Instant snapshot) {
                return snapshots.totalsAsOf(registries, clock.instant());
            }

            @Override
            public List<HoldingTotal> accountTotalsAsOf(Collection<RegistryCode> registries, Instant snapshot) {
                return snapshots.accountTotalsAsOf(registries, clock.instant());
            }
        };
        GroupSnapshots liveGroups = new GroupSnapshots() {
            @Override
            public HeldBlockCursor holdingsAsOf(Collection<RegistryCode> registries, Instant snapshot,
                                                List<HoldingGroup> asked) {
                return groups.holdingsAsOf(registries, clock.instant(), asked);
            }
        };
        return new NodeStores(own.database(), new Repositories(r.registries(), r.accounts(), r.projects(), r.notices(),
                r.transactions(), r.unfinished(), r.holdings(), live, liveGroups, r.touching(), r.sequences(), r.ledger()));
    }
}
