package org.itlgateway.core.check.integrity;

import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;

/** 2004: every transaction moves or changes some units, so a proposal carries at least one unit block. */
public final class ProposalHasUnitBlocks implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.NO_UNIT_BLOCKS;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        return context.proposal().blocks().isEmpty() ? refuse("the proposal carries no unit block") : Optional.empty();
    }
}
