package org.itlgateway.core.check.eu;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.UnitBlock;

/** 7001: tCERs and lCERs never enter an account of an EU registry, whatever the transaction type. */
public final class NoTemporaryCersInEu extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.TEMPORARY_CERS_NOT_ACCEPTED_IN_EU;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        return EuMembership.entersEu(context);
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        return block.unitType().isTemporary();
    }

    @Override
    protected String description() {
        return "tCERs and lCERs cannot be held in an EU registry";
    }
}
