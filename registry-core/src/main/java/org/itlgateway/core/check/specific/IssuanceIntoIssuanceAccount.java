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

/**
 * 5002: the CDM registry issues into its pending account (110), a Party's registry into its Party holding account (100).
 */
public final class IssuanceIntoIssuanceAccount implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.ISSUANCE_INTO_WRONG_ACCOUNT;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        AccountRef to = proposal.acquiringAccount();
        if (proposal.type() != TransactionType.ISSUANCE || to == null) {
            return Optional.empty();
        }
        AccountType required = proposal.transferringRegistry().isCdm() ? AccountType.PENDING : AccountType.PARTY_HOLDING;
        return to.type() == required ? Optional.empty()
                : refuse("an issuance by " + proposal.transferringRegistry() + " goes to its " + required.label() + ", not to " + to);
    }
}
