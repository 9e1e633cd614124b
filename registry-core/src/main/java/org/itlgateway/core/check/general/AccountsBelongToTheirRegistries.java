package org.itlgateway.core.check.general;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.ProposalAccounts;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.unit.UnitBlockId;

/**
 * 3026: the accounts units leave belong to the transferring registry, the acquiring account to the acquiring registry.
 */
public final class AccountsBelongToTheirRegistries implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.ACCOUNT_OF_OTHER_REGISTRY;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        Map<AccountRef, List<UnitBlockId>> named = new LinkedHashMap<>();
        ProposalAccounts.leaving(proposal).forEach((account, blocks) -> {
            if (!account.registry().equals(proposal.transferringRegistry())) {
                named.put(account, blocks);
            }
        });
        ProposalAccounts.acquiring(proposal).forEach((account, blocks) -> {
            if (!account.registry().equals(proposal.acquiringRegistry())) {
                named.put(account, blocks);
            }
        });
        return ProposalAccounts.refuse(code(), named, account -> true,
                "these accounts belong to another registry than the one named for them");
    }
}
