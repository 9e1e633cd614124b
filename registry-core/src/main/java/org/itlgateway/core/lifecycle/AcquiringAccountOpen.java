package org.itlgateway.core.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.itlgateway.core.account.Account;
import org.itlgateway.core.account.Accounts;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;

/** Lets in an external transfer only to an open account that the acquiring registry keeps. */
public final class AcquiringAccountOpen implements AcceptanceRule {

    private final Accounts accounts;

    public AcquiringAccountOpen(Accounts accounts) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    @Override
    public List<EvaluationResult> evaluate(Proposal proposal, Instant now) {
        if (proposal.acquiringAccount() == null) {
            return List.of(EvaluationResult.of(ResponseCode.ACQUIRING_ACCOUNT_REQUIRED,
                    "an external transfer names the account it goes to"));
        }
        Optional<Account> account = accounts.find(proposal.acquiringAccount());
        if (account.isEmpty()) {
            return List.of(EvaluationResult.of(ResponseCode.ACQUIRING_ACCOUNT_UNKNOWN,
                    "no account " + proposal.acquiringAccount() + " in this registry"));
        }
        if (!account.get().isOpen()) {
            return List.of(EvaluationResult.of(ResponseCode.ACQUIRING_ACCOUNT_NOT_OPEN,
                    "account " + proposal.acquiringAccount() + " is " + account.get().status()));
        }
        return List.of();
    }
}
