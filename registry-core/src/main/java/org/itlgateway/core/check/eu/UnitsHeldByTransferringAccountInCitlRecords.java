package org.itlgateway.core.check.eu;

import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.UnitBlock;

/**
 * 7027: when the transferring registry is an EU registry, whose holdings the CITL mirrors, every unit of each block
 * is held by the account it leaves: units the CITL does not know count as not held.
 */
public final class UnitsHeldByTransferringAccountInCitlRecords extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.UNITS_NOT_HELD_BY_TRANSFERRING_ACCOUNT;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        Proposal proposal = context.proposal();
        return proposal.type() != TransactionType.ISSUANCE && EuMembership.isEuMember(context, proposal.transferringRegistry());
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        AccountRef from = context.proposal().transferringAccountOf(block);
        long held = 0;
        for (HeldBlock piece : context.holdings().holdersOf(block.id())) {
            if (!piece.account().equals(from)) {
                return true;
            }
            SerialRange common = piece.range().intersection(block.range());
            held += common == null ? 0 : common.quantity();
        }
        return held < block.quantity();
    }

    @Override
    protected String description() {
        return "some units of these blocks are not held by the transferring account in the CITL's records";
    }
}
