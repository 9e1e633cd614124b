package org.itlgateway.gateway.node.reconciliation;

import java.time.Instant;
import java.util.List;
import org.itlgateway.core.reconciliation.ReconciliationStatus;
import org.itlgateway.core.result.EvaluationResult;

/**
 * A reconciliation as the registry recorded it: which snapshot the log asked for and, once the log decided,
 * the status and the evaluation results it sent. The log and the identifier together name it.
 *
 * @param id          the log's reconciliation identifier
 * @param requestedBy the log that started it (the ITL, or the CITL for an EU registry)
 * @param snapshot    the moment whose holdings are reported
 * @param status      the latest status (1 initiated until the log's result arrives)
 * @param statusAt    when the status was set
 * @param note        what the registry noted (e.g. why a start was denied), or {@code null}
 * @param results     the log's evaluation results, in the order received
 */
public record RecordedReconciliation(long id, String requestedBy, Instant snapshot, ReconciliationStatus status,
                                     Instant statusAt, String note, List<EvaluationResult> results) {
}
