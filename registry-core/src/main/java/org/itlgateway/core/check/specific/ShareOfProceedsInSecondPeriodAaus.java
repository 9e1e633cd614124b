package org.itlgateway.core.check.specific;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;

/**
 * 5027: the share of proceeds a Party pays on the first external transfer of its AAUs (3-47) is taken in AAUs valid in
 * the second commitment period, the period the Doha amendment levies it in.
 */
public final class ShareOfProceedsInSecondPeriodAaus extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.SHARE_OF_PROCEEDS_OF_OTHER_UNITS;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        return context.proposal().kind().orElse(null) == SupplementaryType.SHARE_OF_PROCEEDS_ON_FIRST_TRANSFER_OF_AAUS;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        return block.unitType() != UnitType.AAU || block.attributes().applicablePeriod() != CommitmentPeriod.CP2;
    }

    @Override
    protected String description() {
        return "the share of proceeds on the first external transfer (3-47) is taken in second-period AAUs, not in these units";
    }
}
