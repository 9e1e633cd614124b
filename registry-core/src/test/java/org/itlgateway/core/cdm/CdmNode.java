package org.itlgateway.core.cdm;

import java.time.Instant;
import java.util.List;
import org.itlgateway.core.fixtures.LogDouble;
import org.itlgateway.core.fixtures.TrackedTransactions;
import org.itlgateway.core.holding.InMemoryHoldingStore;
import org.itlgateway.core.lifecycle.IncomingDecision;
import org.itlgateway.core.lifecycle.NotificationOutcome;
import org.itlgateway.core.lifecycle.TransactionLifecycle;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;

/** The CDM registry of a {@link CdmWorld}, as the log double talks to it. */
final class CdmNode implements LogDouble.Node {

    private final CdmWorld world;

    CdmNode(CdmWorld world) {
        this.world = world;
    }

    @Override
    public RegistryCode code() {
        return RegistryCode.CDM;
    }

    @Override
    public IncomingDecision considerIncoming(Proposal proposal) {
        return world.cdm.considerIncoming(proposal);
    }

    @Override
    public NotificationOutcome notify(TransactionId id, TransactionStatus status, List<EvaluationResult> results) {
        return world.cdm.notify(id, status, results);
    }

    @Override
    public List<TransactionId> terminateOverdue(Instant now) {
        return world.cdm.terminateOverdue(now);
    }

    @Override
    public InMemoryHoldingStore store() {
        return world.facts.store();
    }

    @Override
    public TrackedTransactions transactions() {
        return world.transactions;
    }

    @Override
    public TransactionLifecycle lifecycle() {
        return world.cdm.lifecycle();
    }
}
