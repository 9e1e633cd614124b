package org.itlgateway.core.check.specific;

import java.util.Optional;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.SupplementaryType;

/**
 * 5016: the share of proceeds goes to the Adaptation Fund account CDM-100-1100-0, whether the CDM registry takes it at
 * issuance (10-81) or a Party on the first external transfer of its second-period AAUs (3-47).
 */
public final class ShareOfProceedsToAdaptationFund implements Check {

    /** The Adaptation Fund's account in the CDM registry. */
    public static final AccountRef ADAPTATION_FUND = AccountRef.parse("CDM-100-1100-0");

    @Override
    public ResponseCode code() {
        return ResponseCode.SHARE_OF_PROCEEDS_NOT_TO_ADAPTATION_FUND;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        boolean shareOfProceeds = proposal.kind().filter(SupplementaryType::isShareOfProceeds).isPresent();
        return !shareOfProceeds || ADAPTATION_FUND.equals(proposal.acquiringAccount()) ? Optional.empty()
                : refuse("the share of proceeds goes to the Adaptation Fund account " + ADAPTATION_FUND + ", not to "
                        + proposal.acquiringAccount());
    }
}
