package org.itlgateway.core.lifecycle;

import java.time.Instant;
import java.util.List;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.transaction.Proposal;

/**
 * A rule of a registry's own by which, as acquiring registry, it accepts or rejects an external transfer the
 * log forwards to it. A rejection is an answer, never an exception.
 */
@FunctionalInterface
public interface AcceptanceRule {

    /** The reasons to reject {@code proposal} at {@code now}; empty when the rule lets it in. */
    List<EvaluationResult> evaluate(Proposal proposal, Instant now);
}
