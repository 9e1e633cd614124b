package org.itlgateway.core.check.general;

import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.ProposalAccounts;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;

/** 3008: units leave only open accounts. An account that does not exist is left to 3004. */
public final class TransferringAccountOpen implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.TRANSFERRING_ACCOUNT_NOT_OPEN;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        return ProposalAccounts.refuse(code(), ProposalAccounts.leaving(context.proposal()),
                account -> context.accounts().find(account).filter(found -> !found.isOpen()).isPresent(),
                "the transferring account is closed or blocked");
    }
}
