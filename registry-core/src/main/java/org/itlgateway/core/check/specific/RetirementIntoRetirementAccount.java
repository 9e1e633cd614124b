package org.itlgateway.core.check.specific;

import java.util.Optional;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.TransactionType;

/** 5007: a retirement puts its units into the retirement account (300). */
public final class RetirementIntoRetirementAccount implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.RETIREMENT_INTO_NON_RETIREMENT_ACCOUNT;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        AccountRef to = proposal.acquiringAccount();
        return proposal.type() != TransactionType.RETIREMENT || to == null || to.type() == AccountType.RETIREMENT
                ? Optional.empty()
                : refuse("a retirement goes to the retirement account, not to " + to.type().label() + " " + to);
    }
}
