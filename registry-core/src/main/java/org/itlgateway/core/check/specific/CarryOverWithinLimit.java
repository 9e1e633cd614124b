package org.itlgateway.core.check.specific;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * 5013: a Party carries over CERs, and ERUs converted from AAUs, each up to the configured share of its assigned
 * amount for the period they leave. The limit is applied to the units of this carry-over; AAUs are not limited.
 */
public final class CarryOverWithinLimit implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.CARRY_OVER_LIMIT_EXCEEDED;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        if (proposal.type() != TransactionType.CARRY_OVER) {
            return Optional.empty();
        }
        RegistryCode party = proposal.transferringRegistry();
        Map<Group, List<UnitBlock>> groups = new LinkedHashMap<>();
        for (UnitBlock block : proposal.blocks()) {
            if (block.unitType() == UnitType.CER || block.unitType() == UnitType.ERU_FROM_AAU) {
                groups.computeIfAbsent(new Group(block.unitType(), block.attributes().originalPeriod()),
                        group -> new ArrayList<>()).add(block);
            }
        }
        List<UnitBlockId> offending = new ArrayList<>();
        List<String> excesses = new ArrayList<>();
        groups.forEach((group, blocks) -> {
            long assigned = context.parameters().assignedAmount(party, group.period());
            long limit = assigned / 100 * context.parameters().carryOverLimitPercent()
                    + assigned % 100 * context.parameters().carryOverLimitPercent() / 100;
            long total = 0;
            for (UnitBlock block : blocks) {
                total = plus(total, block.quantity());
            }
            if (assigned >= 0 && total > limit) {
                blocks.forEach(block -> offending.add(block.id()));
                String units = group.type() == UnitType.CER ? "CERs" : "ERUs";
                excesses.add(total + " " + units + " of " + group.period().years() + " over the limit of " + limit);
            }
        });
        return refuseBlocks(offending, "the carry-over exceeds " + party + "'s limit: " + String.join("; ", excesses));
    }

    private record Group(UnitType type, CommitmentPeriod period) {
    }

    private static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
