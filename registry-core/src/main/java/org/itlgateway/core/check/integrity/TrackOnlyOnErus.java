package org.itlgateway.core.check.integrity;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.UnitBlock;

/** 2014: only ERU blocks name a JI track. */
public final class TrackOnlyOnErus extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.TRACK_NOT_ALLOWED;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        return !block.unitType().isEru() && block.attributes().track() != null;
    }

    @Override
    protected String description() {
        return "these blocks name a JI track but are not ERUs";
    }
}
