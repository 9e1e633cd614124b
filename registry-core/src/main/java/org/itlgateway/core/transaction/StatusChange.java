package org.itlgateway.core.transaction;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.itlgateway.core.result.EvaluationResult;

/** One step of a transaction's history: the status it reached, when, and the results that explain it. */
public record StatusChange(TransactionStatus status, Instant at, List<EvaluationResult> results) {

    public StatusChange {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "time");
        results = List.copyOf(results);
    }
}
