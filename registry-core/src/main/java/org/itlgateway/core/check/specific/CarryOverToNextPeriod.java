package org.itlgateway.core.check.specific;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitBlock;

/**
 * 5014: carry-over moves units valid in one period to the next one, so only CP1 units are carried over (to CP2):
 * CP2 is the last period and 0 is none.
 */
public final class CarryOverToNextPeriod extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.CARRY_OVER_WRONG_PERIOD;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        return context.proposal().type() == TransactionType.CARRY_OVER;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        // the blocks name the units as they will be: valid in CP2, carried over from CP1
        return block.attributes().applicablePeriod() != CommitmentPeriod.CP2 || context.holdings().holdersOf(block.id())
                .stream().anyMatch(piece -> piece.block().attributes().applicablePeriod() != CommitmentPeriod.CP1);
    }

    @Override
    protected String description() {
        return "these units are not valid in a period that has a next one";
    }
}
