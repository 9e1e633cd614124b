package org.itlgateway.core.check.specific;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.core.unit.UnitType;

/**
 * 5008: a Party issues no more AAUs for a period than its assigned amount: those issued so far (converted ones
 * included) plus this issuance. A Party with no assigned amount recorded for the period is not limited here.
 */
public final class AauIssuanceWithinAssignedAmount implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.AAU_ISSUANCE_OVER_ASSIGNED_AMOUNT;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        if (proposal.type() != TransactionType.ISSUANCE) {
            return Optional.empty();
        }
        RegistryCode party = proposal.transferringRegistry();
        Map<CommitmentPeriod, List<UnitBlock>> byPeriod = new EnumMap<>(CommitmentPeriod.class);
        for (UnitBlock block : proposal.blocks()) {
            if (block.unitType() == UnitType.AAU) {
                byPeriod.computeIfAbsent(block.attributes().originalPeriod(), period -> new ArrayList<>()).add(block);
            }
        }
        List<UnitBlockId> offending = new ArrayList<>();
        List<String> excesses = new ArrayList<>();
        byPeriod.forEach((period, blocks) -> {
            long assigned = context.parameters().assignedAmount(party, period);
            long total = context.holdings().issuedQuantity(party, UnitType.AAU, period);
            for (UnitBlock block : blocks) {
                total = plus(total, block.quantity());
            }
            if (assigned >= 0 && total > assigned) {
                blocks.forEach(block -> offending.add(block.id()));
                excesses.add(total + " AAUs for " + period.years() + " against an assigned amount of " + assigned);
            }
        });
        return refuseBlocks(offending, "the issuance would bring " + party + " to " + String.join("; ", excesses));
    }

    private static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
