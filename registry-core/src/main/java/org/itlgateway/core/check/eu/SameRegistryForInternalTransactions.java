package org.itlgateway.core.check.eu;

import java.util.Locale;
import java.util.Optional;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.TransactionType;

/**
 * 7022: every type but external transfer keeps its units in one registry: the accounts' registries (or, where no
 * account is named, the proposal's registry codes) are the same.
 */
public final class SameRegistryForInternalTransactions implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.SAME_REGISTRY_REQUIRED;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        if (proposal.type() == TransactionType.EXTERNAL_TRANSFER) {
            return Optional.empty();
        }
        RegistryCode from = transferringSide(proposal);
        RegistryCode to = acquiringSide(proposal);
        return from.equals(to) ? Optional.empty()
                : refuse("a " + proposal.type().label().toLowerCase(Locale.ROOT) + " keeps its units in one registry, not "
                        + from + " and " + to);
    }

    static RegistryCode transferringSide(Proposal proposal) {
        AccountRef account = proposal.transferringAccount();
        return account == null ? proposal.transferringRegistry() : account.registry();
    }

    static RegistryCode acquiringSide(Proposal proposal) {
        AccountRef account = proposal.acquiringAccount();
        return account == null ? proposal.acquiringRegistry() : account.registry();
    }
}
