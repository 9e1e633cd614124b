package org.itlgateway.core.check.general;

import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.ProposalAccounts;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;

/** 3015: cancellation, retirement and replacement accounts are final destinations: units never leave them. */
public final class NoTransferFromFinalAccount implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.TRANSFER_FROM_FINAL_ACCOUNT;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        return ProposalAccounts.refuse(code(), ProposalAccounts.leaving(context.proposal()),
                account -> !account.type().canTransferOut(),
                "units never leave a cancellation, retirement or replacement account");
    }
}
