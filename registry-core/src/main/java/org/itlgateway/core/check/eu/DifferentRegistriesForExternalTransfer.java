package org.itlgateway.core.check.eu;

import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.TransactionType;

/** 7023: an external transfer moves units between the accounts of two registries. */
public final class DifferentRegistriesForExternalTransfer implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.DIFFERENT_REGISTRY_REQUIRED;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        if (proposal.type() != TransactionType.EXTERNAL_TRANSFER) {
            return Optional.empty();
        }
        RegistryCode from = SameRegistryForInternalTransactions.transferringSide(proposal);
        return from.equals(SameRegistryForInternalTransactions.acquiringSide(proposal))
                ? refuse("an external transfer moves units to another registry than " + from)
                : Optional.empty();
    }
}
