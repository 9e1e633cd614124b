package org.itlgateway.core.check.specific;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;

/**
 * 5012: tCERs, lCERs, RMUs and ERUs converted from RMUs cannot be carried over; a carry-over of AAUs (7-39) carries
 * AAUs only, and one of CERs and ERUs (7-38) carries CERs and ERUs converted from AAUs only.
 */
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
        SupplementaryType kind = context.proposal().kind().orElse(null);
        if (kind == SupplementaryType.CARRY_OVER_OF_AAUS) {
            return type != UnitType.AAU;
        }
        if (kind == SupplementaryType.CARRY_OVER_OF_CERS_AND_ERUS) {
            return type != UnitType.CER && type != UnitType.ERU_FROM_AAU;
        }
        return type.isTemporary() || type == UnitType.RMU || type == UnitType.ERU_FROM_RMU;
    }

    @Override
    protected String description() {
        return "these units cannot be carried over"
                + " (7-39 carries AAUs over, 7-38 CERs and ERUs converted from AAUs)";
    }
}
