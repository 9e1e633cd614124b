package org.itlgateway.core.check.integrity;

import java.util.Set;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;

/** 2011: RMU, ERU-from-RMU, tCER and lCER blocks name the LULUCF activity their units come from. */
public final class LulucfActivityRequired extends UnitBlockRule {

    /** The unit types that come from land use, land-use change and forestry. */
    public static final Set<UnitType> LULUCF_UNITS = Set.of(UnitType.RMU, UnitType.ERU_FROM_RMU, UnitType.TCER,
            UnitType.LCER);

    @Override
    public ResponseCode code() {
        return ResponseCode.LULUCF_ACTIVITY_REQUIRED;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        return LULUCF_UNITS.contains(block.unitType()) && block.attributes().lulucfActivity() == null;
    }

    @Override
    protected String description() {
        return "these blocks of LULUCF units name no LULUCF activity";
    }
}
