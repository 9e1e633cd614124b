package org.itlgateway.core.check.registry;

import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;

/** 1020: the transferring registry is one the log knows. */
public final class TransferringRegistryKnown implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.TRANSFERRING_REGISTRY_UNKNOWN;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        RegistryCode registry = context.proposal().transferringRegistry();
        return context.registries().find(registry).isPresent() ? Optional.empty()
                : refuse("the transferring registry " + registry + " is not known to the transaction log");
    }
}
