package org.itlgateway.core.check.integrity;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;

/**
 * 2006: CERs, tCERs and lCERs originate in the CDM registry; AAUs, RMUs and ERUs in a Party's registry.
 * Non-Kyoto units are left to 2023.
 */
public final class UnitTypeMatchesOriginatingRegistry extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.UNIT_TYPE_NOT_ISSUED_BY_ORIGINATING_REGISTRY;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        boolean fromCdm = block.attributes().originatingRegistry().isCdm();
        UnitType type = block.unitType();
        return type.isCdmUnit() ? !fromCdm : type != UnitType.NON_KYOTO && fromCdm;
    }

    @Override
    protected String description() {
        return "the unit type of these blocks cannot originate in their originating registry";
    }
}
