package org.itlgateway.core.check.integrity;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;

/** 2008: Kyoto units belong to a commitment period: neither their original nor their applicable period is 0. */
public final class KyotoUnitsHaveCommitmentPeriod extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.KYOTO_UNIT_WITHOUT_PERIOD;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        UnitAttributes attributes = block.attributes();
        return block.unitType() != UnitType.NON_KYOTO
                && (attributes.originalPeriod() == CommitmentPeriod.ZERO
                    || attributes.applicablePeriod() == CommitmentPeriod.ZERO);
    }

    @Override
    protected String description() {
        return "these Kyoto unit blocks have commitment period 0";
    }
}
