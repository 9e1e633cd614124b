package org.itlgateway.core.check;

import java.util.List;
import java.util.Optional;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;

/**
 * A rule that each unit block of a proposal must keep: the result names every block that breaks it. A rule that
 * only concerns some transactions says so in {@link #appliesTo}; the others pass.
 */
public abstract class UnitBlockRule implements Check {

    @Override
    public final Optional<EvaluationResult> evaluate(CheckContext context) {
        if (!appliesTo(context)) {
            return Optional.empty();
        }
        List<UnitBlockId> offending = context.proposal().blocks().stream()
                .filter(block -> breaks(block, context))
                .map(UnitBlock::id)
                .toList();
        return refuseBlocks(offending, description());
    }

    /** Whether the rule concerns this proposal at all; true unless a rule says otherwise. */
    protected boolean appliesTo(CheckContext context) {
        return true;
    }

    /** True when {@code block} breaks the rule. */
    protected abstract boolean breaks(UnitBlock block, CheckContext context);

    /** The sentence for people that comes with the result. */
    protected abstract String description();
}
