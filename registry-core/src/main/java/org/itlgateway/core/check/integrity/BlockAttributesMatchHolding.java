package org.itlgateway.core.check.integrity;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.ResponseCode;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;

/**
 * 2021: a block describes its units as recorded. An expiry date change carries the new date in its blocks, so
 * its expiry dates are compared by 5025 instead. Issuance has no record to compare with.
 */
public final class BlockAttributesMatchHolding extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.BLOCK_ATTRIBUTES_DIFFER_FROM_HOLDING;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        return context.proposal().type() != TransactionType.ISSUANCE;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        UnitAttributes proposed = comparable(block.attributes(), context);
        return context.holdings().holdersOf(block.id()).stream()
                .anyMatch(piece -> !comparable(piece.block().attributes(), context).equals(proposed));
    }

    @Override
    protected String description() {
        return "the attributes of these blocks differ from those of the units as recorded";
    }

    private static UnitAttributes comparable(UnitAttributes attributes, CheckContext context) {
        return context.proposal().type() == TransactionType.EXPIRY_DATE_CHANGE ? attributes.withExpiryDate(null) : attributes;
    }
}
