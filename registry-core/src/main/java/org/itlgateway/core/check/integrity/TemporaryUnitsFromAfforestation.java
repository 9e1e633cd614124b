package org.itlgateway.core.check.integrity;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.LulucfActivity;
import org.itlgateway.core.unit.UnitBlock;

/** 2015: tCERs and lCERs come from afforestation and reforestation; a block without activity is left to 2011. */
public final class TemporaryUnitsFromAfforestation extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.TEMPORARY_UNIT_NOT_AFFORESTATION;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        LulucfActivity activity = block.attributes().lulucfActivity();
        return block.unitType().isTemporary() && activity != null
                && activity != LulucfActivity.AFFORESTATION_AND_REFORESTATION;
    }

    @Override
    protected String description() {
        return "these tCER or lCER blocks name another LULUCF activity than afforestation and reforestation";
    }
}
