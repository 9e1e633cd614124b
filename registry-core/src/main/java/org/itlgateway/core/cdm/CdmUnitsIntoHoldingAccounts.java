package org.itlgateway.core.cdm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.itlgateway.core.lifecycle.AcceptanceRule;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;

/**
 * The CDM registry's own rule for transfers coming in from national registries: it holds only CERs, tCERs and
 * lCERs, and only in holding accounts (never in the pending account or a cancellation account).
 */
final class CdmUnitsIntoHoldingAccounts implements AcceptanceRule {

    @Override
    public List<EvaluationResult> evaluate(Proposal proposal, Instant now) {
        List<EvaluationResult> rejections = new ArrayList<>();
        if (proposal.acquiringAccount() != null && !CdmAccounts.isHolding(proposal.acquiringAccount())) {
            rejections.add(EvaluationResult.of(ResponseCode.EXTERNAL_TRANSFER_TO_NON_HOLDING_ACCOUNT,
                    proposal.acquiringAccount() + " is not a holding account"));
        }
        List<UnitBlockId> foreign = proposal.blocks().stream().filter(b -> !b.unitType().isCdmUnit())
                .map(UnitBlock::id).toList();
        if (!foreign.isEmpty()) {
            rejections.add(EvaluationResult.of(ResponseCode.ACQUIRING_REGISTRY_REFUSES_UNIT_TYPE, foreign,
                    "the CDM registry holds only CERs, tCERs and lCERs"));
        }
        return rejections;
    }
}
