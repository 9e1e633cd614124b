package org.itlgateway.core.check.integrity;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.UnitBlock;

/**
 * 2007: units are carried forward, never back: a block's applicable period is not earlier than its original one.
 */
public final class ApplicablePeriodNotBeforeOriginal extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.APPLICABLE_PERIOD_BEFORE_ORIGINAL;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        return block.attributes().applicablePeriod().code() < block.attributes().originalPeriod().code();
    }

    @Override
    protected String description() {
        return "the applicable commitment period of these blocks is earlier than their original period";
    }
}
