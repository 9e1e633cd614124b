package org.itlgateway.core.check.integrity;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.UnitBlock;

/** 2022: an issuance creates serial numbers that do not exist yet in the originating registry. */
public final class IssuedSerialsAreNew extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.SERIALS_ALREADY_ISSUED;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        return context.proposal().type() == TransactionType.ISSUANCE;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        return !context.holdings().holdersOf(block.id()).isEmpty();
    }

    @Override
    protected String description() {
        return "these blocks name serial numbers that are issued already";
    }
}
