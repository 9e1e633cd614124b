package org.itlgateway.core.check.general;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.itlgateway.core.account.AccountKind;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.ProposalAccounts;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.UnitBlockId;

/**
 * 3024: issuance takes units from no account; the other types take them from holding accounts and besides, the
 * pending account gives to transfers, cancellations and expiry date changes, the previous-period surplus reserve to
 * internal transfers, cancellations and retirements. Final accounts (cancellation, retirement, replacement) are
 * left to 3015.
 */
public final class TransferringAccountTypeAllowed implements Check {

    /** The kinds of account each type may take units from. */
    private static final Map<TransactionType, Set<AccountKind>> ALLOWED = Map.of(
            TransactionType.CONVERSION, Set.of(AccountKind.HOLDING),
            TransactionType.EXTERNAL_TRANSFER, Set.of(AccountKind.HOLDING, AccountKind.PENDING),
            TransactionType.CANCELLATION, Set.of(AccountKind.HOLDING, AccountKind.PENDING, AccountKind.RESERVE),
            TransactionType.RETIREMENT, Set.of(AccountKind.HOLDING, AccountKind.RESERVE),
            TransactionType.REPLACEMENT, Set.of(AccountKind.HOLDING),
            TransactionType.CARRY_OVER, Set.of(AccountKind.HOLDING),
            TransactionType.EXPIRY_DATE_CHANGE, Set.of(AccountKind.HOLDING, AccountKind.PENDING),
            TransactionType.INTERNAL_TRANSFER, Set.of(AccountKind.HOLDING, AccountKind.PENDING, AccountKind.RESERVE));

    @Override
    public ResponseCode code() {
        return ResponseCode.TRANSFERRING_ACCOUNT_TYPE_NOT_ALLOWED;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        Map<AccountRef, List<UnitBlockId>> leaving = ProposalAccounts.leaving(proposal);
        String type = proposal.type().label().toLowerCase(Locale.ROOT);
        if (proposal.type() == TransactionType.ISSUANCE) {
            return ProposalAccounts.refuse(code(), leaving, account -> true, "an issuance takes units from no account");
        }
        Set<AccountKind> allowed = ALLOWED.get(proposal.type());
        return ProposalAccounts.refuse(code(), leaving,
                account -> account.type().canTransferOut() && !allowed.contains(account.type().kind()),
                "a " + type + " may not take units from this type of account");
    }
}
