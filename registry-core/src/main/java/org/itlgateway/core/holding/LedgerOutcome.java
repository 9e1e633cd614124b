package org.itlgateway.core.holding;

import java.util.List;
import org.itlgateway.core.result.EvaluationResult;

/** Whether a ledger operation was applied; when it was not, nothing changed and the results say why. */
public record LedgerOutcome(List<EvaluationResult> refusals) {

    private static final LedgerOutcome APPLIED = new LedgerOutcome(List.of());

    public LedgerOutcome {
        refusals = List.copyOf(refusals);
    }

    public static LedgerOutcome applied() {
        return APPLIED;
    }

    public static LedgerOutcome refused(List<EvaluationResult> refusals) {
        if (refusals.isEmpty()) {
            throw new IllegalArgumentException("a refusal says why");
        }
        return new LedgerOutcome(refusals);
    }

    public boolean isApplied() {
        return refusals.isEmpty();
    }
}
