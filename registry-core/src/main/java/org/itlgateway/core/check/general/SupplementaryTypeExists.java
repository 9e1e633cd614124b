package org.itlgateway.core.check.general;

import java.util.Locale;
import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;

/** 3014: the pair of transaction type and supplementary type is one of those defined. */
public final class SupplementaryTypeExists implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.SUPPLEMENTARY_TYPE_INVALID;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        return proposal.kind().isPresent() ? Optional.empty()
                : refuse("there is no supplementary type " + proposal.supplementaryType() + " for "
                        + proposal.type().label().toLowerCase(Locale.ROOT));
    }
}
