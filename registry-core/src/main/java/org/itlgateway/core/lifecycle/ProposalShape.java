package org.itlgateway.core.lifecycle;

import java.util.ArrayList;
import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.unit.UnitBlock;

/**
 * What a registry's own proposal must look like before its units can be reserved: proposed by this registry,
 * with at most 3,000 unit blocks that do not overlap, and the accounts its transaction type needs. The log's checks judge the
 * rest.
 */
final class ProposalShape {

    private ProposalShape() {
    }

    static List<EvaluationResult> problems(Proposal proposal, RegistryCode registry) {
        List<EvaluationResult> problems = new ArrayList<>();
        if (!proposal.id().registry().equals(registry)) {
            problems.add(EvaluationResult.of(ResponseCode.TRANSACTION_IDENTIFIER_NOT_OF_PROPOSER,
                    proposal.id() + " is not an identifier of " + registry));
        }
        if (!proposal.transferringRegistry().equals(registry)) {
            problems.add(EvaluationResult.of(ResponseCode.PROPOSER_IS_NOT_TRANSFERRING_REGISTRY,
                    registry + " proposes for " + proposal.transferringRegistry()));
        }
        if (proposal.blocks().isEmpty()) {
            problems.add(EvaluationResult.of(ResponseCode.NO_UNIT_BLOCKS, "the proposal carries no unit block"));
        }
        if (proposal.blocks().size() > TransactionLifecycle.MAX_BLOCKS) {
            problems.add(EvaluationResult.of(ResponseCode.TOO_MANY_BLOCKS,
                    "the log takes at most " + TransactionLifecycle.MAX_BLOCKS + " blocks, not " + proposal.blocks().size()));
        }
        overlapping(proposal, problems);
        accounts(proposal, problems);
        return problems;
    }

    private static void overlapping(Proposal proposal, List<EvaluationResult> problems) {
        List<UnitBlock> blocks = proposal.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            for (int j = i + 1; j < blocks.size(); j++) {
                if (blocks.get(i).overlaps(blocks.get(j))) {
                    problems.add(EvaluationResult.of(ResponseCode.BLOCKS_OVERLAP_IN_PROPOSAL,
                            List.of(blocks.get(i).id(), blocks.get(j).id()), "two blocks name the same units"));
                }
            }
        }
    }

    private static void accounts(Proposal proposal, List<EvaluationResult> problems) {
        boolean issuance = proposal.type().createsUnits();
        boolean inPlace = proposal.type().changesUnitsInPlace();
        if (!issuance && proposal.blocks().stream().anyMatch(b -> proposal.transferringAccountOf(b) == null)) {
            problems.add(EvaluationResult.of(ResponseCode.TRANSFERRING_ACCOUNT_REQUIRED,
                    "every block needs the account it leaves"));
        }
        if (!inPlace && proposal.acquiringAccount() == null) {
            problems.add(EvaluationResult.of(ResponseCode.ACQUIRING_ACCOUNT_REQUIRED,
                    "the proposal needs the account its units go to"));
        }
        if ((issuance || inPlace) && proposal.isExternal()) {
            problems.add(EvaluationResult.of(ResponseCode.ACQUIRING_REGISTRY_MUST_BE_TRANSFERRING,
                    proposal.type().label() + " stays in the proposing registry"));
        }
        AccountRef acquiring = proposal.acquiringAccount();
        if (acquiring != null && !acquiring.registry().equals(proposal.acquiringRegistry())) {
            problems.add(EvaluationResult.of(ResponseCode.ACCOUNT_OF_OTHER_REGISTRY,
                    acquiring + " is not an account of " + proposal.acquiringRegistry()));
        }
        for (UnitBlock block : proposal.blocks()) {
            AccountRef leaving = proposal.transferringAccountOf(block);
            if (leaving != null && !leaving.registry().equals(proposal.transferringRegistry())) {
                problems.add(EvaluationResult.of(ResponseCode.ACCOUNT_OF_OTHER_REGISTRY, List.of(block.id()),
                        leaving + " is not an account of " + proposal.transferringRegistry()));
            }
        }
    }
}
