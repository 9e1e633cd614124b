package org.itlgateway.core.check.specific;

import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.TransactionType;

/** 5026: an internal transfer stays inside its registry; units for another registry go by external transfer. */
public final class InternalTransferWithinRegistry implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.INTERNAL_TRANSFER_ACROSS_REGISTRIES;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        return proposal.type() == TransactionType.INTERNAL_TRANSFER && proposal.isExternal()
                ? refuse("an internal transfer cannot go to " + proposal.acquiringRegistry() + "; use an external transfer")
                : Optional.empty();
    }
}
