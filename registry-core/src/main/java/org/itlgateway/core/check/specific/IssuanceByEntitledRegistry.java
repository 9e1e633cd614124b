package org.itlgateway.core.check.specific;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;

/** 5001: only the CDM registry issues CERs, tCERs and lCERs; only a Party's registry issues AAUs and RMUs. */
public final class IssuanceByEntitledRegistry extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.ISSUANCE_BY_WRONG_REGISTRY;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        return context.proposal().type() == TransactionType.ISSUANCE;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        boolean byCdm = context.proposal().transferringRegistry().isCdm();
        UnitType type = block.unitType();
        return type.isCdmUnit() && !byCdm || type.isPartyUnit() && byCdm;
    }

    @Override
    protected String description() {
        return "the issuing registry may not issue the unit type of these blocks";
    }
}
