package org.itlgateway.core.check.general;

import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.TransactionType;

/** 3023: an external transfer goes to another registry. */
public final class ExternalTransferLeavesRegistry implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.ACQUIRING_REGISTRY_MUST_DIFFER;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        return proposal.type() != TransactionType.EXTERNAL_TRANSFER || proposal.isExternal()
                ? Optional.empty()
                : refuse("an external transfer names its own registry " + proposal.transferringRegistry() + " as acquiring registry");
    }
}
