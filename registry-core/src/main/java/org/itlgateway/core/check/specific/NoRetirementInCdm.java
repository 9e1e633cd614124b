package org.itlgateway.core.check.specific;

import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.TransactionType;

/** 5024: the CDM registry has no retirement account: only a Party retires units. */
public final class NoRetirementInCdm implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.RETIREMENT_BY_CDM;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        return proposal.type() == TransactionType.RETIREMENT && proposal.transferringRegistry().isCdm()
                ? refuse("the CDM registry does not retire units")
                : Optional.empty();
    }
}
