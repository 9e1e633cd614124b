package org.itlgateway.core.check.general;

import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;

/**
 * 3002: a transaction identifier names one proposal. Resending the same content is not an error (the duplicate gets
 * the same answer); the same identifier with other content is.
 */
public final class NoDuplicateWithDifferentContent implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.DUPLICATE_TRANSACTION_DIFFERENT_CONTENT;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        return context.transactions().find(proposal.id())
                .filter(known -> !known.proposal().sameContentAs(proposal))
                .flatMap(known -> refuse("transaction " + proposal.id() + " exists with different content"));
    }
}
