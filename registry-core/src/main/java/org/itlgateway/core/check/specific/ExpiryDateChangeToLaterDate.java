package org.itlgateway.core.check.specific;

import java.time.LocalDate;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.UnitBlock;

/**
 * 5025: an expiry date change carries the new date in its blocks, and it is later than the date the units have now.
 * A block without a date is left to 2009.
 */
public final class ExpiryDateChangeToLaterDate extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.EXPIRY_DATE_CHANGE_NOT_LATER;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        return context.proposal().type() == TransactionType.EXPIRY_DATE_CHANGE;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        LocalDate proposed = block.attributes().expiryDate();
        return proposed != null && context.holdings().holdersOf(block.id()).stream()
                .map(piece -> piece.block().attributes().expiryDate())
                .anyMatch(current -> current != null && !proposed.isAfter(current));
    }

    @Override
    protected String description() {
        return "the new expiry date of these blocks is not later than their current one";
    }
}
