package org.itlgateway.core.check.sequence;

import java.time.Instant;
import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;

/**
 * 4007: no international transfer (transferring registry other than acquiring registry) after the end of the CP2
 * true-up period, 9 September 2023 23:59:59 UTC by default, on the node's clock.
 */
public final class NoInternationalTransferAfterTrueUp implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.AFTER_TRUE_UP_PERIOD;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Instant end = context.parameters().cp2TrueUpEnd();
        return context.proposal().isExternal() && context.now().isAfter(end)
                ? refuse("no international transfer is possible after the end of the CP2 true-up period (" + end + ")")
                : Optional.empty();
    }
}
