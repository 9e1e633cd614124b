package org.itlgateway.core.check.integrity;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.UnitBlock;

/**
 * 2020: every unit a transaction names was issued: the holdings cover each block without a gap.
 * Issuance creates its units and is left to 2022.
 */
public final class UnitsExist extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.UNITS_DO_NOT_EXIST;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        return context.proposal().type() != TransactionType.ISSUANCE;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        long covered = 0;
        for (HeldBlock piece : context.holdings().holdersOf(block.id())) {
            SerialRange common = piece.range().intersection(block.range());
            covered += common == null ? 0 : common.quantity();
        }
        return covered < block.quantity();
    }

    @Override
    protected String description() {
        return "these blocks name serial numbers that were never issued";
    }
}
