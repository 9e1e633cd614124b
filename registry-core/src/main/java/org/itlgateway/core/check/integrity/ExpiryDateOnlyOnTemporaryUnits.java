package org.itlgateway.core.check.integrity;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.UnitBlock;

/** 2010: only tCERs and lCERs expire, so no other block carries an expiry date. */
public final class ExpiryDateOnlyOnTemporaryUnits extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.EXPIRY_DATE_NOT_ALLOWED;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        return !block.unitType().isTemporary() && block.attributes().expiryDate() != null;
    }

    @Override
    protected String description() {
        return "these blocks carry an expiry date but their units do not expire";
    }
}
