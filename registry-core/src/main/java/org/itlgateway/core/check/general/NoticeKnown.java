package org.itlgateway.core.check.general;

import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;

/** 3018: a transaction that names an ITL notice names one that exists. */
public final class NoticeKnown implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.NOTICE_UNKNOWN;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Long notice = context.proposal().noticeId();
        return notice == null || context.notices().find(notice).isPresent() ? Optional.empty()
                : refuse("there is no ITL notice " + notice);
    }
}
