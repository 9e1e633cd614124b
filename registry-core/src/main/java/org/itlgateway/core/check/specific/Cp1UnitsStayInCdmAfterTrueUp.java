package org.itlgateway.core.check.specific;

import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.UnitBlockRule;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitBlock;

/**
 * 5022: after the CP1 true-up period (on the node's clock), units valid in CP1 held in the CDM registry no longer
 * leave it: they move only inside it or are cancelled.
 */
public final class Cp1UnitsStayInCdmAfterTrueUp extends UnitBlockRule {

    @Override
    public ResponseCode code() {
        return ResponseCode.CP1_UNITS_LEAVE_CDM_AFTER_TRUE_UP;
    }

    @Override
    protected boolean appliesTo(CheckContext context) {
        Proposal proposal = context.proposal();
        return proposal.transferringRegistry().isCdm() && !proposal.acquiringRegistry().isCdm()
                && context.now().isAfter(context.parameters().cp1TrueUpEnd());
    }

    @Override
    protected boolean breaks(UnitBlock block, CheckContext context) {
        return block.attributes().applicablePeriod() == CommitmentPeriod.CP1;
    }

    @Override
    protected String description() {
        return "CP1 units held in the CDM registry no longer leave it after the CP1 true-up period";
    }
}
