package org.itlgateway.core.check.specific;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.UnitBlock;

/** 5015: only tCERs and lCERs have an expiry date to change. */
public final class ExpiryDateChangeOfTemporaryUnitsOnly extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.EXPIRY_DATE_CHANGE_OF_NON_TEMPORARY_UNITS;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        return context.proposal().type() == TransactionType.EXPIRY_DATE_CHANGE;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        return !block.unitType().isTemporary();
    }

    @Override
    protected String description() {
        return "only tCER and lCER expiry dates can change";
    }
}
