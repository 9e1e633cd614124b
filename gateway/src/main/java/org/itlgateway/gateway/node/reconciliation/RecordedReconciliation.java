package org.itlgateway.gateway.node.reconciliation;

import java.time.Instant;
import java.util.List;
import org.itlgateway.core.reconciliation.ReconciliationStatus;
import org.itlgateway.core.result.EvaluationResult;

/**
 * A reconciliation as the registry recorded it: which snapshot the ITL asked for and, once the ITL decided,
 * the status and the evaluation results it sent.
 *
 * @param id          the ITL's reconciliation identifier
 * @param requestedBy the log that started it
 * @param snapshot    the moment whose holdings are reported
 * @param status      the latest status (1 initiated until the ITL's result arrives)
 * @param statusAt    when the status was set
 * @param note        what the registry noted (e.g. why a start was denied), or {@code null}
 * @param results     the ITL's evaluation results, in the order received
 */
public record RecordedReconciliation(long id, String requestedBy, Instant snapshot, ReconciliationStatus status,
                                     Instant statusAt, String note, List<EvaluationResult> results) {
}
