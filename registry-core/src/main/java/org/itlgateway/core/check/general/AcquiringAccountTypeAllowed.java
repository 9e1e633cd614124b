package org.itlgateway.core.check.general;

import java.util.Locale;
import java.util.Optional;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.ProposalAccounts;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.SupplementaryType;

/**
 * 3025: types that change units in place name no other acquiring account; an internal transfer does not go to a final
 * account; a cancellation or replacement goes to the very account its supplementary type requires. Issuance (5002),
 * external transfer (5019, 5016) and an account of the wrong kind (5006, 5007, 5010) have their own rules.
 */
public final class AcquiringAccountTypeAllowed implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.ACQUIRING_ACCOUNT_TYPE_NOT_ALLOWED;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        AccountRef to = proposal.acquiringAccount();
        if (to == null) {
            return Optional.empty();
        }
        return switch (proposal.type()) {
            case CONVERSION, CARRY_OVER, EXPIRY_DATE_CHANGE -> ProposalAccounts.leaving(proposal).keySet().stream()
                    .allMatch(to::equals)
                    ? Optional.empty()
                    : refuse("a " + proposal.type().label().toLowerCase(Locale.ROOT)
                            + " changes units in place; it cannot name another acquiring account " + to);
            case INTERNAL_TRANSFER -> to.type().kind().isFinalDestination()
                    ? refuse("an internal transfer cannot go to " + to.type().label() + " " + to
                            + "; cancellation, retirement and replacement have transaction types of their own")
                    : Optional.empty();
            case CANCELLATION, RETIREMENT, REPLACEMENT -> proposal.kind()
                    .flatMap(SupplementaryType::requiredAcquiringAccount)
                    .filter(required -> required.kind() == to.type().kind() && required != to.type())
                    .flatMap(required -> refuse("a transaction of type " + proposal.kind().get() + " goes to a "
                            + required.label() + ", not to " + to));
            default -> Optional.empty();
        };
    }
}
