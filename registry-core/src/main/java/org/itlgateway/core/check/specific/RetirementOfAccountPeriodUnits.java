package org.itlgateway.core.check.specific;

import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitBlock;

/**
 * 5009: a retirement account belongs to a commitment period and takes units valid in that period; one without a
 * period (0) takes none.
 */
public final class RetirementOfAccountPeriodUnits extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.RETIREMENT_OF_WRONG_PERIOD;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        AccountRef to = context.proposal().acquiringAccount();
        return context.proposal().type() == TransactionType.RETIREMENT && to != null && to.type() == AccountType.RETIREMENT;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        CommitmentPeriod period = context.proposal().acquiringAccount().period();
        return period == CommitmentPeriod.ZERO || block.attributes().applicablePeriod() != period;
    }

    @Override
    protected String description() {
        return "these units are not valid for the period of the retirement account";
    }
}
