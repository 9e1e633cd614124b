package org.itlgateway.core.check.integrity;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.UnitBlock;

/** 2013: ERU blocks name the JI track of their project. */
public final class TrackRequiredForErus extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.TRACK_REQUIRED;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        return block.unitType().isEru() && block.attributes().track() == null;
    }

    @Override
    protected String description() {
        return "these ERU blocks name no JI track";
    }
}
