package org.itlgateway.simulator.profile;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.itlgateway.core.CodedValue;
import org.itlgateway.core.lifecycle.AcceptanceRule;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;

/**
 * An acquiring registry's own rule, as data: from a date (inclusive) until another (exclusive, optional), it
 * refuses incoming transfers with any block matching the condition, answering with its code and naming the
 * blocks and the rule.
 *
 * @param name      what the rule says, shown in the refusal
 * @param code      the response code of the refusal (one of the catalogue's, e.g. 5301)
 * @param from      when the rule starts to apply
 * @param until     when it stops applying, or {@code null}
 * @param refuse    which blocks it refuses
 */
public record DatedRule(String name, int code, Instant from, Instant until, BlockCondition refuse) implements AcceptanceRule {

    public DatedRule {
        Objects.requireNonNull(name, "a rule has a name");
        Objects.requireNonNull(from, "a rule says from when it applies");
        refuse = refuse == null ? BlockCondition.any() : refuse;
        if (CodedValue.fromCodeOrNull(ResponseCode.class, code) == null) {
            throw new IllegalArgumentException("rule '" + name + "': " + code + " is not a response code of the catalogue"
                    + " (see docs/response-codes.md; 5301-5303 are meant for acquiring registries)");
        }
        if (until != null && !until.isAfter(from)) {
            throw new IllegalArgumentException("rule '" + name + "' ends before it starts");
        }
    }

    public boolean appliesAt(Instant now) {
        return !now.isBefore(from) && (until == null || now.isBefore(until));
    }

    @Override
    public List<EvaluationResult> evaluate(Proposal proposal, Instant now) {
        if (!appliesAt(now)) {
            return List.of();
        }
        List<UnitBlockId> refused = proposal.blocks().stream().filter(refuse::matches).map(UnitBlock::id).toList();
        if (refused.isEmpty()) {
            return List.of();
        }
        return List.of(EvaluationResult.of(ResponseCode.fromCode(code), refused, name));
    }
}
