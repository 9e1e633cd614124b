package org.itlgateway.core.check.general;

import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.ProposalAccounts;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;

/** 3004: every account units leave exists, with the type, identifier and period named.
 * Only where the node knows every account of the registry (a registry its own; a log none: it is not told them). */
public final class TransferringAccountKnown implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.TRANSFERRING_ACCOUNT_UNKNOWN;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        return ProposalAccounts.refuse(code(), ProposalAccounts.leaving(context.proposal()),
                account -> context.accounts().knowsEveryAccountOf(account.registry())
                        && context.accounts().find(account).isEmpty(), "the transferring account does not exist");
    }
}
