package org.itlgateway.core.check.specific;

import java.util.Optional;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.TransactionType;

/** 5006: a cancellation puts its units into a cancellation account; which one is 3025's concern. */
public final class CancellationIntoCancellationAccount implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.CANCELLATION_INTO_NON_CANCELLATION_ACCOUNT;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        AccountRef to = proposal.acquiringAccount();
        return proposal.type() != TransactionType.CANCELLATION || to == null || to.type().isCancellation() ? Optional.empty()
                : refuse("a cancellation goes to a cancellation account, not to " + to.type().label() + " " + to);
    }
}
