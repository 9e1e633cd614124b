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
 * 5018: units enter the pending account only by issuance. A change in place (conversion, carry-over, expiry date
 * change) that names the account its units stay in as acquiring account moves nothing into it; naming another
 * account is 3025's concern.
 */
public final class NoTransferIntoPendingAccount implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.TRANSFER_INTO_PENDING_ACCOUNT;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        AccountRef to = proposal.acquiringAccount();
        if (proposal.type() == TransactionType.ISSUANCE || proposal.type().changesUnitsInPlace() || to == null
                || to.type() != AccountType.PENDING) {
            return Optional.empty();
        }
        return refuse("only issuance puts units into the pending account " + to);
    }
}
