package org.itlgateway.core.check.general;

import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitBlock;

/**
 * 3017: an account of a commitment period receives units valid in that period (an account of period 0 takes any).
 * Retirement has its own rule, 5009; units changed in place stay in their account.
 */
public final class AcquiringAccountPeriodMatchesUnits extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.ACCOUNT_PERIOD_MISMATCH;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        AccountRef to = context.proposal().acquiringAccount();
        return to != null && to.period() != CommitmentPeriod.ZERO && to.type() != AccountType.RETIREMENT
                && !context.proposal().type().changesUnitsInPlace();
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        return block.attributes().applicablePeriod() != context.proposal().acquiringAccount().period();
    }

    @Override
    protected String description() {
        return "the applicable commitment period of these blocks differs from the acquiring account's period";
    }
}
