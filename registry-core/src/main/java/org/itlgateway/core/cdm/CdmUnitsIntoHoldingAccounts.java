package org.itlgateway.core.cdm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.itlgateway.core.lifecycle.AcceptanceRule;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.core.unit.UnitType;

/**
 * The CDM registry's own rule for transfers coming in from national registries: it holds only CERs, tCERs and
 * lCERs, and only in holding accounts (never in the pending account or a cancellation account). The share of proceeds
 * on the first external transfer of AAUs (3-47) is the exception: its AAUs go to the Adaptation Fund's account.
 */
final class CdmUnitsIntoHoldingAccounts implements AcceptanceRule {

    @Override
    public List<EvaluationResult> evaluate(Proposal proposal, Instant now) {
        List<EvaluationResult> rejections = new ArrayList<>();
        if (proposal.acquiringAccount() != null && !CdmAccounts.isHolding(proposal.acquiringAccount())) {
            rejections.add(EvaluationResult.of(ResponseCode.EXTERNAL_TRANSFER_TO_NON_HOLDING_ACCOUNT,
                    proposal.acquiringAccount() + " is not a holding account"));
        }
        boolean shareOfProceeds = proposal.kind().orElse(null) == SupplementaryType.SHARE_OF_PROCEEDS_ON_FIRST_TRANSFER_OF_AAUS
                && CdmAccounts.ADAPTATION_FUND.equals(proposal.acquiringAccount());
        List<UnitBlockId> foreign = proposal.blocks().stream()
                .filter(b -> !b.unitType().isCdmUnit() && !(shareOfProceeds && b.unitType() == UnitType.AAU))
                .map(UnitBlock::id).toList();
        if (!foreign.isEmpty()) {
            rejections.add(EvaluationResult.of(ResponseCode.ACQUIRING_REGISTRY_REFUSES_UNIT_TYPE, foreign,
                    "the CDM registry holds only CERs, tCERs and lCERs"));
        }
        return rejections;
    }
}
