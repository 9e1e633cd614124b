package org.itlgateway.core.check.specific;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.UnitBlock;

/**
 * 5004: only AAUs and RMUs are converted to ERUs. A conversion's blocks name the units as they will be (ERUs,
 * with their project and track); the units held under those serial numbers must be AAUs or RMUs.
 */
public final class ConversionOfAausAndRmusOnly extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.CONVERSION_OF_UNIT_TYPE_NOT_CONVERTIBLE;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        return context.proposal().type() == TransactionType.CONVERSION;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        return !block.unitType().isEru() || context.holdings().holdersOf(block.id()).stream()
                .anyMatch(piece -> !piece.block().unitType().isPartyUnit());
    }

    @Override
    protected String description() {
        return "only AAUs and RMUs can be converted to ERUs";
    }
}
