package org.itlgateway.core.check.eu;

import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.registry.Registry;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;

/**
 * 7006: the acquiring registry is known to the CITL and in operation; unlike the ITL, the CITL has one code for both.
 */
public final class AcquiringRegistryStatusPermitsProcess implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.ACQUIRING_REGISTRY_STATUS_DOES_NOT_PERMIT;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        RegistryCode code = context.proposal().acquiringRegistry();
        Optional<Registry> registry = context.registries().find(code);
        return registry.filter(Registry::isOperating).isPresent() ? Optional.empty()
                : refuse("the status of the acquiring registry " + code + " does not permit the process ("
                        + registry.map(found -> found.status().toString()).orElse("unknown") + ")");
    }
}
