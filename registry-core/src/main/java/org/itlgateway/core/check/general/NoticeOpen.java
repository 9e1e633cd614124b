package org.itlgateway.core.check.general;

import java.util.Locale;
import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;

/** 3019: a transaction fulfils only a notice that is still open. */
public final class NoticeOpen implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.NOTICE_NOT_OPEN;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Long notice = context.proposal().noticeId();
        return notice == null ? Optional.empty()
                : context.notices().find(notice)
                        .filter(found -> !found.isOpen())
                        .flatMap(found -> refuse("ITL notice " + notice + " is " + found.status().name().toLowerCase(Locale.ROOT)));
    }
}
