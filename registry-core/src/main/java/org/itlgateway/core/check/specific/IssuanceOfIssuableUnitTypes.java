package org.itlgateway.core.check.specific;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.UnitBlock;

/** 5003: ERUs are never issued: they come from the conversion of AAUs or RMUs. Non-Kyoto units are left to 2023. */
public final class IssuanceOfIssuableUnitTypes extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.ISSUANCE_OF_UNIT_TYPE_NOT_ISSUABLE;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        return context.proposal().type() == TransactionType.ISSUANCE;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        return block.unitType().isEru();
    }

    @Override
    protected String description() {
        return "ERUs are not issued; they come from conversion";
    }
}
