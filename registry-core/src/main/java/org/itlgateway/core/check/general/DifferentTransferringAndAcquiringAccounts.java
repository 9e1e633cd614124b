package org.itlgateway.core.check.general;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.unit.UnitBlock;

/** 3013: a transaction that moves units moves them to another account than the one they leave. */
public final class DifferentTransferringAndAcquiringAccounts extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.SAME_ACCOUNT;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        Proposal proposal = context.proposal();
        return !proposal.type().changesUnitsInPlace() && proposal.acquiringAccount() != null;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        return context.proposal().acquiringAccount().equals(context.proposal().transferringAccountOf(block));
    }

    @Override
    protected String description() {
        return "these blocks would leave and enter the same account";
    }
}
