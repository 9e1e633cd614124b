package org.itlgateway.core.check.specific;

import java.util.Optional;
import java.util.Set;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.SupplementaryType;

/**
 * 5023: net source, excess issuance and CCS cancellations are made only against the ITL notice that asks for them.
 */
public final class CancellationAgainstNotice implements Check {

    /** The cancellations made only against a notice. */
    public static final Set<SupplementaryType> KINDS = Set.of(SupplementaryType.NET_SOURCE_CANCELLATION,
            SupplementaryType.EXCESS_ISSUANCE_CANCELLATION, SupplementaryType.CCS_NET_REVERSAL_CANCELLATION,
            SupplementaryType.CCS_NON_SUBMISSION_CANCELLATION);

    @Override
    public ResponseCode code() {
        return ResponseCode.CANCELLATION_TYPE_NEEDS_NOTICE;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        return proposal.kind()
                .filter(KINDS::contains)
                .filter(kind -> proposal.noticeId() == null)
                .flatMap(kind -> refuse("a transaction of type " + kind + " is made only against an ITL notice, and names none"));
    }
}
