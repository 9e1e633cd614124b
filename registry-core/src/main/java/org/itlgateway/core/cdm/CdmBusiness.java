package org.itlgateway.core.cdm;

import java.time.Instant;
import java.util.List;
import org.itlgateway.core.lifecycle.CancellationOutcome;
import org.itlgateway.core.lifecycle.IncomingDecision;
import org.itlgateway.core.lifecycle.NotificationOutcome;
import org.itlgateway.core.lifecycle.RegistryBusiness;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;

/** The CDM registry behind its node: notifications may lead to follow-ups (the share of proceeds after an issuance). */
public final class CdmBusiness implements RegistryBusiness {

    private final CdmRegistry cdm;

    public CdmBusiness(CdmRegistry cdm) {
        this.cdm = cdm;
    }

    @Override
    public IncomingDecision considerIncoming(Proposal proposal) {
        return cdm.considerIncoming(proposal);
    }

    @Override
    public NotificationOutcome notify(TransactionId id, TransactionStatus status, List<EvaluationResult> results) {
        return cdm.notify(id, status, results);
    }

    @Override
    public List<TransactionId> terminateOverdue(Instant now) {
        return cdm.terminateOverdue(now);
    }

    @Override
    public CancellationOutcome cancel(TransactionId id, Instant now) {
        return cdm.lifecycle().cancel(id, now);
    }

    @Override
    public boolean isTransferringSide(Transaction transaction) {
        return cdm.lifecycle().isTransferringSide(transaction);
    }
}
