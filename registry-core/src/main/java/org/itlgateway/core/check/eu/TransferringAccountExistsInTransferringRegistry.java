package org.itlgateway.core.check.eu;

import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.ProposalAccounts;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;

/**
 * 7021: when the transferring registry is an EU registry, whose accounts the CITL knows, each account the units
 * leave exists in it by its identifier (whatever the type and period named).
 */
public final class TransferringAccountExistsInTransferringRegistry implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.ACCOUNT_UNKNOWN_IN_TRANSFERRING_REGISTRY;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        if (!EuMembership.isEuMember(context, proposal.transferringRegistry())) {
            return Optional.empty();
        }
        return ProposalAccounts.refuse(code(), ProposalAccounts.leaving(proposal),
                account -> context.accounts().findByIdentifier(proposal.transferringRegistry(), account.identifier()).isEmpty(),
                "the transferring account does not exist in " + proposal.transferringRegistry());
    }
}
