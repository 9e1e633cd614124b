package org.itlgateway.core.check.eu;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.UnitBlock;

/**
 * 7004: credits of hydro projects over 20 MW enter an EU registry only when the project carries the compliance flag.
 */
public final class LargeHydroInEuNeedsComplianceFlag extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.LARGE_HYDRO_WITHOUT_COMPLIANCE;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        return EuMembership.entersEu(context);
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        Long project = block.attributes().projectId();
        return project != null && context.projects().find(project)
                .filter(found -> found.isLargeHydro() && !found.complianceFlag()).isPresent();
    }

    @Override
    protected String description() {
        return "these credits come from hydro projects over 20 MW without the compliance flag";
    }
}
