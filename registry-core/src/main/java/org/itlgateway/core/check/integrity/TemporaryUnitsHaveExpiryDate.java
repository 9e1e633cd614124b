package org.itlgateway.core.check.integrity;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.UnitBlock;

/** 2009: tCER and lCER blocks carry their expiry date. */
public final class TemporaryUnitsHaveExpiryDate extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.EXPIRY_DATE_REQUIRED;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        return block.unitType().isTemporary() && block.attributes().expiryDate() == null;
    }

    @Override
    protected String description() {
        return "these tCER or lCER blocks have no expiry date";
    }
}
