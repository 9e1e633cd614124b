package org.itlgateway.core.check.general;

import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.ProposalAccounts;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;

/** 3009: units go only to open accounts. An account that does not exist is left to 3005. */
public final class AcquiringAccountOpen implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.ACQUIRING_ACCOUNT_NOT_OPEN;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        return ProposalAccounts.refuse(code(), ProposalAccounts.acquiring(context.proposal()),
                account -> context.accounts().find(account).filter(found -> !found.isOpen()).isPresent(),
                "the acquiring account is closed or blocked");
    }
}
