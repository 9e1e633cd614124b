package org.itlgateway.core.check.integrity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;

/** 2002: no two unit blocks of a proposal name the same units; both blocks of an overlapping pair are named. */
public final class BlocksDoNotOverlap implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.BLOCKS_OVERLAP_IN_PROPOSAL;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Set<UnitBlockId> offending = new LinkedHashSet<>();
        UnitBlock reachingFurthest = null;
        for (UnitBlock block : context.proposal().blocks().stream().sorted().toList()) {
            if (reachingFurthest != null && reachingFurthest.overlaps(block)) {
                offending.add(reachingFurthest.id());
                offending.add(block.id());
            }
            if (reachingFurthest == null || !sameOrigin(reachingFurthest, block) || block.end() > reachingFurthest.end()) {
                reachingFurthest = block;
            }
        }
        return refuseBlocks(List.copyOf(offending), "these unit blocks name some of the same units");
    }

    private static boolean sameOrigin(UnitBlock a, UnitBlock b) {
        return a.attributes().originatingRegistry().equals(b.attributes().originatingRegistry());
    }
}
