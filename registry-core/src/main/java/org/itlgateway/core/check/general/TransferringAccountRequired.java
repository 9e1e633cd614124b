package org.itlgateway.core.check.general;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;

/**
 * 3006: every transaction but issuance takes its units from an account: the proposal's, or a block's own.
 * Types that change units in place name the account that holds them.
 */
public final class TransferringAccountRequired implements Check {

    @Override
    public ResponseCode code() {
        return ResponseCode.TRANSFERRING_ACCOUNT_REQUIRED;
    }

    @Override
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        Proposal proposal = context.proposal();
        if (proposal.type() == TransactionType.ISSUANCE) {
            return Optional.empty();
        }
        String problem = "a " + proposal.type().label().toLowerCase(Locale.ROOT) + " needs a transferring account";
        if (proposal.blocks().isEmpty()) {
            return proposal.transferringAccount() == null ? refuse(problem) : Optional.empty();
        }
        List<UnitBlockId> without = proposal.blocks().stream()
                .filter(block -> proposal.transferringAccountOf(block) == null)
                .map(UnitBlock::id)
                .toList();
        return refuseBlocks(without, problem + " and none is given for these blocks");
    }
}
