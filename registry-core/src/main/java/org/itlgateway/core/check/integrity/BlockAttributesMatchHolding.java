package org.itlgateway.core.check.integrity;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.holding.InPlaceChange;
import org.itlgateway.core.result.ResponseCode;
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
        TransactionType type = context.proposal().type();
        if (type.changesUnitsInPlace()) {
            // the blocks name the units as they will be: only what the type may change can differ
            return context.holdings().holdersOf(block.id()).stream()
                    .anyMatch(piece -> !InPlaceChange.allowed(type, piece.block().attributes(), block.attributes()));
        }
        UnitAttributes proposed = block.attributes();
        return context.holdings().holdersOf(block.id()).stream()
                .anyMatch(piece -> !piece.block().attributes().equals(proposed));
    }

    @Override
    protected String description() {
        return "the attributes of these blocks differ from those of the units as recorded";
    }
}
