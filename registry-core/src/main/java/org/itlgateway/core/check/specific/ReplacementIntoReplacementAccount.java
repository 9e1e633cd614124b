package org.itlgateway.core.check.specific;

import java.util.Optional;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.TransactionType;

/**
 * 5010: a replacement puts its units into a replacement account (411, 421, 422, 423); which one is 3025's concern.
 */
public final class ReplacementIntoReplacementAccount implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.REPLACEMENT_INTO_NON_REPLACEMENT_ACCOUNT;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        AccountRef to = proposal.acquiringAccount();
        return proposal.type() != TransactionType.REPLACEMENT || to == null || to.type().isReplacement() ? Optional.empty()
                : refuse("a replacement goes to a replacement account, not to " + to.type().label() + " " + to);
    }
}
