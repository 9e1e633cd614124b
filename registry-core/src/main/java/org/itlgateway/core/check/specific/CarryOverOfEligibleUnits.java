package org.itlgateway.core.check.specific;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;

/** 5012: tCERs, lCERs, RMUs and ERUs converted from RMUs cannot be carried over. */
public final class CarryOverOfEligibleUnits extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.CARRY_OVER_OF_INELIGIBLE_UNITS;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        return context.proposal().type() == TransactionType.CARRY_OVER;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        UnitType type = block.unitType();
        return type.isTemporary() || type == UnitType.RMU || type == UnitType.ERU_FROM_RMU;
    }

    @Override
    protected String description() {
        return "these units cannot be carried over";
    }
}
