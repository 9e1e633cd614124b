package org.itlgateway.core.check.general;

import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;

/**
 * 3016: accounts of the CDM registry hold only CERs, tCERs and lCERs, but for the AAUs a Party pays as share of
 * proceeds on the first external transfer of its AAUs (3-47) into the Adaptation Fund's account; a previous-period
 * surplus reserve account holds only AAUs.
 */
public final class UnitTypeAllowedInAcquiringAccount extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.UNIT_TYPE_NOT_ALLOWED_IN_ACCOUNT;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        return context.proposal().acquiringAccount() != null;
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        AccountRef to = context.proposal().acquiringAccount();
        if (to.registry().isCdm() && !block.unitType().isCdmUnit()) {
            boolean shareOfProceeds = context.proposal().kind().orElse(null)
                    == SupplementaryType.SHARE_OF_PROCEEDS_ON_FIRST_TRANSFER_OF_AAUS;
            return !(shareOfProceeds && block.unitType() == UnitType.AAU);
        }
        return to.type() == AccountType.PREVIOUS_PERIOD_SURPLUS_RESERVE && block.unitType() != UnitType.AAU;
    }

    @Override
    protected String description() {
        return "the acquiring account may not hold the unit type of these blocks";
    }
}
