package org.itlgateway.core.check.sequence;

import java.time.Instant;
import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;

/**
 * 4004: a proposal is not dated later than the receiver's clock plus the allowed skew (five minutes by default).
 */
public final class ProposalNotDatedInFuture implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.PROPOSAL_DATED_IN_FUTURE;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Instant proposedAt = context.proposal().proposedAt();
        Instant latest = context.now().plus(context.parameters().futureSkew());
        return proposedAt.isAfter(latest)
                ? refuse("the proposal is dated " + proposedAt + ", later than the clock allows (" + latest + ")")
                : Optional.empty();
    }
}
