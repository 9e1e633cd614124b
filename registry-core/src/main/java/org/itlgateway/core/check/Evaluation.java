package org.itlgateway.core.check;

import java.util.List;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;

/** The outcome of running a set of checks on one proposal: every failure found, in catalogue order. */
public record Evaluation(List<EvaluationResult> results) {

    public Evaluation {
        results = List.copyOf(results);
    }

    public boolean passed() {
        return results.isEmpty();
    }

    public boolean failedWith(ResponseCode code) {
        return results.stream().anyMatch(r -> r.code() == code);
    }

    public List<ResponseCode> codes() {
        return results.stream().map(EvaluationResult::code).toList();
    }
}
