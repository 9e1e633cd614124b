package org.itlgateway.core.check.integrity;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;

/** 2018: AAUs, RMUs and non-Kyoto units come from no project, so their blocks carry no project identifier. */
public final class NoProjectOnPartyUnits extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.PROJECT_IDENTIFIER_NOT_ALLOWED;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        UnitType type = block.unitType();
        return (type.isPartyUnit() || type == UnitType.NON_KYOTO) && block.attributes().projectId() != null;
    }

    @Override
    protected String description() {
        return "these AAU, RMU or non-Kyoto blocks carry a project identifier";
    }
}
