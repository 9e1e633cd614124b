package org.itlgateway.core.check.integrity;

import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;

/** 2003: a proposal carries at most the configured number of unit blocks (3,000 by default). */
public final class BlockCountWithinLimit implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.TOO_MANY_BLOCKS;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        int count = context.proposal().blocks().size();
        int limit = context.parameters().maxBlocksPerProposal();
        return count <= limit ? Optional.empty()
                : refuse("the proposal carries " + count + " unit blocks; at most " + limit + " are allowed");
    }
}
