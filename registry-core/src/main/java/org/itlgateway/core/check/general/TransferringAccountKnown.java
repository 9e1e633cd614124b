package org.itlgateway.core.check.general;

import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.ProposalAccounts;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;

/** 3004: every account units leave exists, with the type, identifier and period named. */
public final class TransferringAccountKnown implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.TRANSFERRING_ACCOUNT_UNKNOWN;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        return ProposalAccounts.refuse(code(), ProposalAccounts.leaving(context.proposal()),
                account -> context.accounts().find(account).isEmpty(), "the transferring account does not exist");
    }
}
