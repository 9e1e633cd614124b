package org.itlgateway.core.check.integrity;

import java.util.List;
import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;

/** 2017: CER, tCER, lCER and ERU blocks name their project. */
public final class ProjectIdentifierRequired implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.PROJECT_IDENTIFIER_REQUIRED;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        List<UnitBlockId> offending = context.proposal().blocks().stream()
                .filter(b -> b.unitType().requiresProject() && b.attributes().projectId() == null)
                .map(UnitBlock::id)
                .toList();
        return offending.isEmpty() ? Optional.empty()
                : Optional.of(EvaluationResult.of(code(), offending, "a project identifier is required for CER, tCER, lCER and ERU blocks"));
    }
}
