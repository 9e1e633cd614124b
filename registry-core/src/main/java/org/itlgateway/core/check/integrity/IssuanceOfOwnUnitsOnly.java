package org.itlgateway.core.check.integrity;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.UnitBlock;

/** 2025: a registry issues units that originate in itself. */
public final class IssuanceOfOwnUnitsOnly extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.ISSUANCE_OF_FOREIGN_UNITS;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        return context.proposal().type() == TransactionType.ISSUANCE;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        return !block.attributes().originatingRegistry().equals(context.proposal().transferringRegistry());
    }

    @Override
    protected String description() {
        return "these blocks originate in another registry than the issuing one";
    }
}
