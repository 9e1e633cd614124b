package org.itlgateway.core.check.registry;

import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;

/** 1023: the acquiring registry is in operation. An unknown registry passes here; 1022 reports it. */
public final class AcquiringRegistryOperating implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.ACQUIRING_REGISTRY_NOT_OPERATING;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        return context.registries().find(context.proposal().acquiringRegistry())
                .filter(registry -> !registry.isOperating())
                .flatMap(registry -> refuse("the acquiring registry " + registry.code()
                        + " is not in operation (" + registry.status() + ")"));
    }
}
