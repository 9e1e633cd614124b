package org.itlgateway.core.check.specific;

import java.util.Optional;
import org.itlgateway.core.account.AccountKind;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.ProposalAccounts;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.SupplementaryType;

/**
 * 5021: voluntary cancellation takes units from a pending or holding account, not from a reserve account. Final
 * accounts are left to 3015.
 */
public final class VoluntaryCancellationFromPendingOrHolding implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.VOLUNTARY_CANCELLATION_FROM_WRONG_ACCOUNT;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        boolean voluntary = proposal.kind().filter(kind -> kind == SupplementaryType.VOLUNTARY_CANCELLATION).isPresent();
        return !voluntary ? Optional.empty()
                : ProposalAccounts.refuse(code(), ProposalAccounts.leaving(proposal),
                        account -> account.type().canTransferOut() && account.type().kind() != AccountKind.HOLDING
                                && account.type().kind() != AccountKind.PENDING,
                        "voluntary cancellation comes from a pending or holding account, not from");
    }
}
