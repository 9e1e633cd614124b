package org.itlgateway.core.check.registry;

import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;

/**
 * 1024: only the transferring registry proposes its transactions.
 * Without an authenticated sender there is nothing to compare, and the rule passes.
 */
public final class ProposerIsTransferringRegistry implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.PROPOSER_IS_NOT_TRANSFERRING_REGISTRY;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        RegistryCode sender = context.sender();
        RegistryCode transferring = context.proposal().transferringRegistry();
        return sender == null || sender.equals(transferring) ? Optional.empty()
                : refuse("the proposal comes from " + sender + ", not from the transferring registry " + transferring);
    }
}
