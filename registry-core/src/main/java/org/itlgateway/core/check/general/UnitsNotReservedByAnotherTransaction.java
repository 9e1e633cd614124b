package org.itlgateway.core.check.general;

import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.UnitBlock;

/**
 * 3011: units reserved in the transferring account by another transaction that is not final cannot be proposed again.
 */
public final class UnitsNotReservedByAnotherTransaction extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.UNITS_RESERVED;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        return context.proposal().type() != TransactionType.ISSUANCE;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        AccountRef from = context.proposal().transferringAccountOf(block);
        TransactionId self = context.proposal().id();
        return context.holdings().holdersOf(block.id()).stream()
                .anyMatch(piece -> piece.account().equals(from) && piece.isReserved() && !piece.reservedBy().equals(self));
    }

    @Override
    protected String description() {
        return "some units of these blocks are reserved by another transaction that is not final";
    }
}
