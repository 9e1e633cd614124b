package org.itlgateway.core.check.sequence;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;

/**
 * 4006: a notice is fulfilled by its target date (in UTC, on the node's clock); the target date itself is still in time.
 */
public final class NoticeNotPastDue implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.NOTICE_PAST_DUE;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Long notice = context.proposal().noticeId();
        LocalDate today = LocalDate.ofInstant(context.now(), ZoneOffset.UTC);
        return notice == null ? Optional.empty()
                : context.notices().find(notice)
                        .filter(found -> found.targetDate() != null && today.isAfter(found.targetDate()))
                        .flatMap(found -> refuse("ITL notice " + notice + " was due by " + found.targetDate()));
    }
}
