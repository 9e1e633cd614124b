package org.itlgateway.core.check.eu;

import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.ProposalAccounts;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;

/**
 * 7020: when the acquiring registry is an EU registry, whose accounts the CITL knows, the acquiring account's
 * identifier exists in it (whatever the type and period named).
 */
public final class AcquiringAccountExistsInAcquiringRegistry implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.ACCOUNT_UNKNOWN_IN_ACQUIRING_REGISTRY;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        if (!EuMembership.isEuMember(context, proposal.acquiringRegistry())) {
            return Optional.empty();
        }
        return ProposalAccounts.refuse(code(), ProposalAccounts.acquiring(proposal),
                account -> context.accounts().findByIdentifier(proposal.acquiringRegistry(), account.identifier()).isEmpty(),
                "the acquiring account does not exist in " + proposal.acquiringRegistry());
    }
}
