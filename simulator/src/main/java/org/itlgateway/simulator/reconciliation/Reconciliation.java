package org.itlgateway.simulator.reconciliation;

import java.time.Instant;
import java.util.List;
import org.itlgateway.core.reconciliation.ReconciliationStatus;
import org.itlgateway.core.result.EvaluationResult;

/**
 * A reconciliation as the log that ran it records it.
 *
 * @param id         the reconciliation identifier that log assigned (each log numbers its own)
 * @param by         the log that ran it: ITL or CITL
 * @param registry   the party reconciled: a registry, or the CITL (by the ITL)
 * @param snapshot   the moment whose holdings are compared
 * @param phase      where it stands
 * @param status     its status (1 initiated while it runs)
 * @param statusAt   when the status was set
 * @param resolvedBy the operator who resolved an inconsistency by manual intervention, or {@code null}
 * @param results    what it found, as sent in the result: differing groups (6001), blocks (6002-6005), audit trail (6011)
 * @param totalsComparedAt when the log compared the totals, or {@code null}
 * @param blocksComparedAt when the log compared the unit blocks, or {@code null}
 * @param intervention how a manual intervention ended it: who, why, whose records stood, what was corrected; or
 *                     {@code null}
 */
public record Reconciliation(long id, String by, String registry, Instant snapshot, Phase phase, ReconciliationStatus status,
                             Instant statusAt, String resolvedBy, List<EvaluationResult> results,
                             Instant totalsComparedAt, Instant blocksComparedAt,
                             ManualIntervention intervention) {

    /** The step a reconciliation waits for. */
    public enum Phase {
        /** initiateReconciliation (to a registry) and provideTotals sent; waiting for receiveTotals. */
        TOTALS,
        /** provideUnitBlocks sent for the differing groups; waiting for every chunk of receiveUnitBlocks. */
        UNIT_BLOCKS,
        /** provideAuditTrail sent for the differing blocks; waiting for every chunk of receiveAuditTrail. */
        AUDIT_TRAIL,
        /** The result was sent. */
        DECIDED
    }

    /** Whether an inconsistency is open: found, and not yet resolved by manual intervention. */
    public boolean isOpenInconsistency() {
        return status.isInconsistent();
    }
}
