package org.itlgateway.core.check.specific;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.UnitBlock;

/** 5011: expiring tCERs and lCERs are replaced by lasting units, never by other tCERs or lCERs. */
public final class ReplacementWithEligibleUnits extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.REPLACEMENT_UNITS_NOT_ELIGIBLE;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        return context.proposal().type() == TransactionType.REPLACEMENT;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        return block.unitType().isTemporary();
    }

    @Override
    protected String description() {
        return "tCERs and lCERs cannot replace expiring tCERs or lCERs";
    }
}
