package org.itlgateway.core.check.integrity;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;

/** 2023: the transaction log deals in Kyoto units only. */
public final class NoNonKyotoUnits extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.NON_KYOTO_UNITS;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        return block.unitType() == UnitType.NON_KYOTO;
    }

    @Override
    protected String description() {
        return "these blocks carry non-Kyoto units";
    }
}
