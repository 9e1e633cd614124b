package org.itlgateway.core.check;

import java.util.List;
import java.util.Optional;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.UnitBlockId;

/**
 * One named rule of the catalogue. It reads the context and answers with a result naming its code and the
 * offending unit blocks when the proposal breaks it. A business rejection is an answer, never an exception.
 */
public interface Check {

    /** The code this rule answers with. */
    ResponseCode code();

    /** The rule's name, for logs and the documentation. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Empty when the proposal passes; otherwise the failure with the blocks that cause it. */
    Optional<EvaluationResult> evaluate(CheckContext context);

    /** A failure of this rule about the transaction as a whole. */
    default Optional<EvaluationResult> refuse(String description) {
        return Optional.of(EvaluationResult.of(code(), description));
    }

    /** A failure of this rule naming {@code blocks}; a pass when there are none. */
    default Optional<EvaluationResult> refuseBlocks(List<UnitBlockId> blocks, String description) {
        return blocks.isEmpty() ? Optional.empty() : Optional.of(EvaluationResult.of(code(), blocks, description));
    }
}
