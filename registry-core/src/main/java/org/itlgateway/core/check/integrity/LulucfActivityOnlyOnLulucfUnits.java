package org.itlgateway.core.check.integrity;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.UnitBlock;

/** 2012: blocks of units that do not come from LULUCF name no LULUCF activity. */
public final class LulucfActivityOnlyOnLulucfUnits extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.LULUCF_ACTIVITY_NOT_ALLOWED;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        return !LulucfActivityRequired.LULUCF_UNITS.contains(block.unitType()) && block.attributes().lulucfActivity() != null;
    }

    @Override
    protected String description() {
        return "these blocks name a LULUCF activity but their units do not come from LULUCF";
    }
}
