package org.itlgateway.core.check.integrity;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.UnitBlock;

/**
 * 2024: a tCER or lCER past its expiry date (in UTC, on the node's clock) takes part only in a cancellation or a
 * replacement. The units are still valid on the expiry date itself.
 */
public final class ExpiredTemporaryUnitsOnlyReplacedOrCancelled extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.TEMPORARY_UNITS_EXPIRED;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        TransactionType type = context.proposal().type();
        return type != TransactionType.CANCELLATION && type != TransactionType.REPLACEMENT;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        LocalDate expiry = block.attributes().expiryDate();
        return block.unitType().isTemporary() && expiry != null
                && expiry.isBefore(LocalDate.ofInstant(context.now(), ZoneOffset.UTC));
    }

    @Override
    protected String description() {
        return "these tCER or lCER blocks are past their expiry date";
    }
}
