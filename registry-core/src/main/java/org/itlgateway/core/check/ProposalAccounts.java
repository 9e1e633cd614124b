package org.itlgateway.core.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;

/**
 * The accounts a proposal names, each with the unit blocks that leave or enter it, for the rules about accounts.
 * A block leaves its own transferring account when it has one, else the proposal's.
 */
public final class ProposalAccounts {

    private ProposalAccounts() {
    }

    /** The accounts units leave, each with the blocks leaving it, in block order; none for issuance. */
    public static Map<AccountRef, List<UnitBlockId>> leaving(Proposal proposal) {
        Map<AccountRef, List<UnitBlockId>> leaving = new LinkedHashMap<>();
        if (proposal.blocks().isEmpty() && proposal.transferringAccount() != null) {
            leaving.put(proposal.transferringAccount(), new ArrayList<>());
        }
        for (UnitBlock block : proposal.blocks()) {
            AccountRef account = proposal.transferringAccountOf(block);
            if (account != null) {
                leaving.computeIfAbsent(account, a -> new ArrayList<>()).add(block.id());
            }
        }
        return leaving;
    }

    /** The acquiring account with every block, or nothing when the proposal names none. */
    public static Map<AccountRef, List<UnitBlockId>> acquiring(Proposal proposal) {
        return proposal.acquiringAccount() == null ? Map.of() : Map.of(proposal.acquiringAccount(), proposal.blockIds());
    }

    /**
     * A result of {@code code} naming, in its description, the accounts that {@code fail} and, as its blocks, the
     * blocks that leave or enter them; empty when no account fails.
     */
    public static Optional<EvaluationResult> refuse(ResponseCode code, Map<AccountRef, List<UnitBlockId>> accounts,
                                                    Predicate<AccountRef> fails, String problem) {
        List<AccountRef> failing = accounts.keySet().stream().filter(fails).toList();
        if (failing.isEmpty()) {
            return Optional.empty();
        }
        List<UnitBlockId> blocks = failing.stream().flatMap(account -> accounts.get(account).stream()).distinct().toList();
        String names = failing.stream().map(AccountRef::toString).collect(Collectors.joining(", "));
        return Optional.of(EvaluationResult.of(code, blocks, problem + ": " + names));
    }
}
