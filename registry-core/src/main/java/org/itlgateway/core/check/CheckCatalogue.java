package org.itlgateway.core.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.itlgateway.core.result.EvaluationResult;

/**
 * An ordered set of checks run together on a proposal. Every check runs (no stopping at the first failure),
 * so a refusal names every rule that was broken.
 */
public final class CheckCatalogue {

    private final List<Check> checks;

    public CheckCatalogue(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    public List<Check> checks() {
        return checks;
    }

    public Evaluation evaluate(CheckContext context) {
        List<EvaluationResult> results = new ArrayList<>();
        for (Check check : checks) {
            Optional<EvaluationResult> result = check.evaluate(context);
            result.ifPresent(results::add);
        }
        return new Evaluation(results);
    }
}
