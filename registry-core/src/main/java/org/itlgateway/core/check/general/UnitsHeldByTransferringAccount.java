package org.itlgateway.core.check.general;

import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.UnitBlock;

/**
 * 3010: the units of each block are held by the account they leave. Units that do not exist are left to 2020, units
 * in cancellation, retirement or replacement accounts to 3012.
 */
public final class UnitsHeldByTransferringAccount extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.UNITS_NOT_HELD;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        return context.proposal().type() != TransactionType.ISSUANCE;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        AccountRef from = context.proposal().transferringAccountOf(block);
        return from != null && context.holdings().holdersOf(block.id()).stream()
                .anyMatch(piece -> !piece.account().equals(from) && piece.account().type().canTransferOut());
    }

    @Override
    protected String description() {
        return "some units of these blocks are not held by the transferring account";
    }
}
