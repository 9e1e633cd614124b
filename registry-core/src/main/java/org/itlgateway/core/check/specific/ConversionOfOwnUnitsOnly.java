package org.itlgateway.core.check.specific;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.UnitBlock;

/** 5005: a registry converts only units that originated in it (the JI host Party's own AAUs and RMUs). */
public final class ConversionOfOwnUnitsOnly extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.CONVERSION_OF_FOREIGN_UNITS;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        return context.proposal().type() == TransactionType.CONVERSION;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        return !block.attributes().originatingRegistry().equals(context.proposal().transferringRegistry());
    }

    @Override
    protected String description() {
        return "these units originate in another registry and cannot be converted here";
    }
}
