package org.itlgateway.core.check.specific;

import java.util.Optional;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.ProposalAccounts;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.SupplementaryType;

/**
 * 5017: the CDM registry takes the share of proceeds at issuance (10-81) from the pending account, before the issued
 * units are forwarded.
 */
public final class ShareOfProceedsFromPendingAccount implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.SHARE_OF_PROCEEDS_NOT_FROM_PENDING;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        boolean shareOfProceeds = proposal.kind().filter(kind -> kind == SupplementaryType.SHARE_OF_PROCEEDS_AT_ISSUANCE).isPresent();
        return !shareOfProceeds ? Optional.empty()
                : ProposalAccounts.refuse(code(), ProposalAccounts.leaving(proposal),
                        account -> account.type() != AccountType.PENDING,
                        "the share of proceeds comes from the pending account, not from");
    }
}
