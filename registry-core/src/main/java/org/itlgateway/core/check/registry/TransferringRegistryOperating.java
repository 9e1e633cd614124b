package org.itlgateway.core.check.registry;

import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;

/** 1021: the transferring registry is in operation. An unknown registry passes here; 1020 reports it. */
public final class TransferringRegistryOperating implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.TRANSFERRING_REGISTRY_NOT_OPERATING;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        return context.registries().find(context.proposal().transferringRegistry())
                .filter(registry -> !registry.isOperating())
                .flatMap(registry -> refuse("the transferring registry " + registry.code()
                        + " is not in operation (" + registry.status() + ")"));
    }
}
