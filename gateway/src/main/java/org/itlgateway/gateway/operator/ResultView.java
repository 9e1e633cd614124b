package org.itlgateway.gateway.operator;

import java.util.List;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.unit.UnitBlockId;

/** A result of a check as the API writes it: the response code, what it means, why here, and the blocks concerned. */
public record ResultView(int code, String meaning, String description, List<String> blocks) {

    static ResultView of(EvaluationResult result) {
        return new ResultView(result.code().code(), result.code().meaning(), result.description(),
                result.blocks().isEmpty() ? null : result.blocks().stream().map(UnitBlockId::toString).toList());
    }
}
