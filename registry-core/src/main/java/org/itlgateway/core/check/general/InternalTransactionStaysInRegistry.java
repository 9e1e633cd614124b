package org.itlgateway.core.check.general;

import java.util.Locale;
import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.TransactionType;

/**
 * 3022: every type but external transfer stays inside the transferring registry. Internal transfers have their
 * own rule, 5026.
 */
public final class InternalTransactionStaysInRegistry implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.ACQUIRING_REGISTRY_MUST_BE_TRANSFERRING;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        TransactionType type = proposal.type();
        boolean ownRule = type == TransactionType.EXTERNAL_TRANSFER || type == TransactionType.INTERNAL_TRANSFER;
        return ownRule || !proposal.isExternal()
                ? Optional.empty()
                : refuse("a " + type.label().toLowerCase(Locale.ROOT) + " stays in " + proposal.transferringRegistry()
                        + " and cannot name " + proposal.acquiringRegistry() + " as acquiring registry");
    }
}
