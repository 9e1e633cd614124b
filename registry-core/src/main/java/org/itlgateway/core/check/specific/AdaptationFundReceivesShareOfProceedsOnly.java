package org.itlgateway.core.check.specific;

import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.transaction.TransactionType;

/**
 * 5028: from another registry, units reach the Adaptation Fund account CDM-100-1100-0 only as the share of proceeds on
 * the first external transfer of AAUs (3-47); an ordinary external transfer (3-0) there is refused.
 */
public final class AdaptationFundReceivesShareOfProceedsOnly implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.EXTERNAL_TRANSFER_TO_ADAPTATION_FUND;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        boolean shareOfProceeds = proposal.kind().filter(SupplementaryType::isShareOfProceeds).isPresent();
        return proposal.type() != TransactionType.EXTERNAL_TRANSFER || shareOfProceeds
                || !ShareOfProceedsToAdaptationFund.ADAPTATION_FUND.equals(proposal.acquiringAccount())
                ? Optional.empty()
                : refuse("only the share of proceeds (3-47) goes from another registry into the Adaptation Fund account "
                        + ShareOfProceedsToAdaptationFund.ADAPTATION_FUND);
    }
}
