package org.itlgateway.core.check.general;

import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.specific.CancellationAgainstNotice;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;

/**
 * 3021: a kind of transaction made to fulfil an ITL notice (replacement, expiry date change, non-compliance
 * cancellation ...) names the notice. The cancellations of 5023 are left to that rule.
 */
public final class NoticeNamedWhenRequired implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.NOTICE_REQUIRED;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        return proposal.kind()
                .filter(kind -> kind.fulfils().isPresent() && !CancellationAgainstNotice.KINDS.contains(kind))
                .filter(kind -> proposal.noticeId() == null)
                .flatMap(kind -> refuse("a transaction of type " + kind + " is made only to fulfil an ITL notice, and names none"));
    }
}
