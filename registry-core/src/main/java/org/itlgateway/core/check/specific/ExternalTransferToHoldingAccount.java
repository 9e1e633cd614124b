package org.itlgateway.core.check.specific;

import java.util.Optional;
import org.itlgateway.core.account.AccountKind;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.TransactionType;

/** 5019: an external transfer goes to a holding account (100, 120, 121); a pending account is left to 5018. */
public final class ExternalTransferToHoldingAccount implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.EXTERNAL_TRANSFER_TO_NON_HOLDING_ACCOUNT;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        AccountRef to = proposal.acquiringAccount();
        if (proposal.type() != TransactionType.EXTERNAL_TRANSFER || to == null || to.type() == AccountType.PENDING) {
            return Optional.empty();
        }
        return to.type().kind() == AccountKind.HOLDING ? Optional.empty()
                : refuse("an external transfer goes to a holding account, not to " + to.type().label() + " " + to);
    }
}
