package org.itlgateway.core.check.sequence;

import java.time.Instant;
import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;

/**
 * 4005: a proposal older than the completion limit (24 hours by default) would be terminated at once, so it is refused.
 */
public final class ProposalNotTooOld implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.PROPOSAL_TOO_OLD;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Instant proposedAt = context.proposal().proposedAt();
        Instant earliest = context.now().minus(context.parameters().completionLimit());
        return proposedAt.isBefore(earliest)
                ? refuse("the proposal is dated " + proposedAt + ", earlier than the termination limit (" + earliest + ")")
                : Optional.empty();
    }
}
