package org.itlgateway.core.result;

import java.util.List;
import java.util.Objects;
import org.itlgateway.core.unit.UnitBlockId;

/**
 * A failed check: the code of the rule, the unit blocks that broke it (none when the rule is about the
 * transaction as a whole) and a sentence for people.
 */
public record EvaluationResult(ResponseCode code, List<UnitBlockId> blocks, String description) {

    public EvaluationResult {
        Objects.requireNonNull(code, "response code");
        blocks = List.copyOf(blocks);
        description = description == null ? code.meaning() : description;
    }

    public static EvaluationResult of(ResponseCode code, String description) {
        return new EvaluationResult(code, List.of(), description);
    }

    public static EvaluationResult of(ResponseCode code, List<UnitBlockId> blocks, String description) {
        return new EvaluationResult(code, blocks, description);
    }

    @Override
    public String toString() {
        return code + (blocks.isEmpty() ? "" : " " + blocks) + ": " + description;
    }
}
