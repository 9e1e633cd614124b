package org.itlgateway.core.check.general;

import java.util.Locale;
import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;

/**
 * 3007: every transaction that moves units names the account they go to; conversion, carry-over and expiry date
 * change do not move them.
 */
public final class AcquiringAccountRequired implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.ACQUIRING_ACCOUNT_REQUIRED;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        return proposal.type().changesUnitsInPlace() || proposal.acquiringAccount() != null ? Optional.empty()
                : refuse("a " + proposal.type().label().toLowerCase(Locale.ROOT) + " needs an acquiring account");
    }
}
