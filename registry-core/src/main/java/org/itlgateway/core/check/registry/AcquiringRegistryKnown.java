package org.itlgateway.core.check.registry;

import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;

/** 1022: the acquiring registry is one the log knows. */
public final class AcquiringRegistryKnown implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.ACQUIRING_REGISTRY_UNKNOWN;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        RegistryCode registry = context.proposal().acquiringRegistry();
        return context.registries().find(registry).isPresent() ? Optional.empty()
                : refuse("the acquiring registry " + registry + " is not known to the transaction log");
    }
}
