package org.itlgateway.core.check.general;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.UnitBlock;

/** 3012: units in a cancellation, retirement or replacement account never take part in a transaction again. */
public final class UnitsNotCancelledOrRetired extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.UNITS_CANCELLED_OR_RETIRED;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        return context.proposal().type() != TransactionType.ISSUANCE;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        return context.holdings().holdersOf(block.id()).stream()
                .anyMatch(piece -> !piece.account().type().canTransferOut());
    }

    @Override
    protected String description() {
        return "some units of these blocks are cancelled, retired or used for replacement";
    }
}
