package org.itlgateway.core.check.general;

import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;

/**
 * 3001: a transaction identifier begins with the code of the transferring registry, which numbers its own transactions.
 */
public final class TransactionIdentifierOfTransferringRegistry implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.TRANSACTION_IDENTIFIER_NOT_OF_PROPOSER;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        return proposal.id().registry().equals(proposal.transferringRegistry()) ? Optional.empty()
                : refuse("the transaction identifier " + proposal.id() + " does not begin with the transferring registry's code "
                        + proposal.transferringRegistry());
    }
}
