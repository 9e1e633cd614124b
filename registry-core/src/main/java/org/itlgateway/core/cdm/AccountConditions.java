package org.itlgateway.core.cdm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.itlgateway.core.account.Account;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.account.Accounts;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;

/** What the CDM registry asks of the accounts an operation names before it proposes anything. */
final class AccountConditions {

    private final Accounts accounts;

    AccountConditions(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The account units leave: one of the CDM registry's, open, of an allowed type. */
    List<EvaluationResult> transferring(AccountRef ref, Set<AccountType> allowed, ResponseCode wrongType) {
        List<EvaluationResult> problems = new ArrayList<>();
        if (ref == null) {
            problems.add(EvaluationResult.of(ResponseCode.TRANSFERRING_ACCOUNT_REQUIRED, "name the account the units leave"));
            return problems;
        }
        if (!ref.registry().isCdm()) {
            problems.add(EvaluationResult.of(ResponseCode.ACCOUNT_OF_OTHER_REGISTRY, ref + " is not a CDM account"));
            return problems;
        }
        Optional<Account> account = accounts.find(ref);
        if (account.isEmpty()) {
            problems.add(EvaluationResult.of(ResponseCode.TRANSFERRING_ACCOUNT_UNKNOWN, "no account " + ref));
        } else if (!account.get().isOpen()) {
            problems.add(EvaluationResult.of(ResponseCode.TRANSFERRING_ACCOUNT_NOT_OPEN, ref + " is " + account.get().status()));
        }
        if (!allowed.contains(ref.type())) {
            problems.add(EvaluationResult.of(wrongType, ref.type().label() + " cannot give units for this"));
        }
        return problems;
    }

    /** An account of the CDM registry the units go to: open, of an allowed type. */
    List<EvaluationResult> acquiringHere(AccountRef ref, Set<AccountType> allowed) {
        List<EvaluationResult> problems = new ArrayList<>();
        Optional<Account> account = accounts.find(ref);
        if (account.isEmpty()) {
            problems.add(EvaluationResult.of(ResponseCode.ACQUIRING_ACCOUNT_UNKNOWN, "no account " + ref));
        } else if (!account.get().isOpen()) {
            problems.add(EvaluationResult.of(ResponseCode.ACQUIRING_ACCOUNT_NOT_OPEN, ref + " is " + account.get().status()));
        }
        if (ref.type() == AccountType.PENDING) {
            problems.add(EvaluationResult.of(ResponseCode.TRANSFER_INTO_PENDING_ACCOUNT, "only issuance fills the pending account"));
        } else if (!allowed.contains(ref.type())) {
            problems.add(EvaluationResult.of(ResponseCode.ACQUIRING_ACCOUNT_TYPE_NOT_ALLOWED,
                    ref.type().label() + " cannot receive units this way"));
        }
        return problems;
    }

    /** An account in a national registry the units go to: a holding account. */
    static List<EvaluationResult> acquiringElsewhere(AccountRef ref) {
        if (ref.registry().equals(RegistryCode.CDM)) {
            throw new IllegalArgumentException(ref + " is a CDM account");
        }
        return CdmAccounts.isHolding(ref) ? List.of() : List.of(EvaluationResult.of(
                ResponseCode.EXTERNAL_TRANSFER_TO_NON_HOLDING_ACCOUNT, ref + " is not a holding account"));
    }
}
