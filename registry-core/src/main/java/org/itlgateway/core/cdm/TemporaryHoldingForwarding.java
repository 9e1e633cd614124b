package org.itlgateway.core.cdm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itlgateway.core.account.Account;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.lifecycle.TransactionLifecycle;
import org.itlgateway.core.registry.Registry;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;

/**
 * Forwards the units waiting in temporary holding accounts once the registry they go to is connected: one
 * transaction per destination account, each block leaving its own temporary account.
 */
final class TemporaryHoldingForwarding {

    private final CdmFacts facts;
    private final AccountConditions conditions;
    private final CdmProposals proposals;

    TemporaryHoldingForwarding(CdmFacts facts, AccountConditions conditions, CdmProposals proposals) {
        this.facts = facts;
        this.conditions = conditions;
        this.proposals = proposals;
    }

    List<ProposalOutcome> forward(RegistryCode destination) {
        if (!destination.isCdm()) {
            Optional<Registry> registry = facts.registries().find(destination);
            if (registry.isEmpty()) {
                return List.of(ProposalOutcome.refused(EvaluationResult.of(ResponseCode.ACQUIRING_REGISTRY_UNKNOWN,
                        "no registry " + destination)));
            }
            if (!registry.get().isOperating()) {
                return List.of(ProposalOutcome.refused(EvaluationResult.of(ResponseCode.ACQUIRING_REGISTRY_NOT_OPERATING,
                        destination + " is " + registry.get().status())));
            }
        }
        Map<AccountRef, List<TemporaryHoldingAccount>> byDestination = new LinkedHashMap<>();
        for (TemporaryHoldingAccount temporary : facts.temporaryHoldingAccounts().forDestinationRegistry(destination)) {
            byDestination.computeIfAbsent(temporary.destination(), d -> new ArrayList<>()).add(temporary);
        }
        List<ProposalOutcome> outcomes = new ArrayList<>();
        byDestination.forEach((to, temporaries) -> outcomes.addAll(forward(to, temporaries)));
        if (outcomes.isEmpty()) {
            outcomes.add(ProposalOutcome.refused(EvaluationResult.of(ResponseCode.NO_UNIT_BLOCKS,
                    "no units wait in temporary holding accounts for " + destination)));
        }
        return outcomes;
    }

    private List<ProposalOutcome> forward(AccountRef to, List<TemporaryHoldingAccount> temporaries) {
        List<UnitBlock> blocks = new ArrayList<>();
        Map<UnitBlockId, AccountRef> leaving = new LinkedHashMap<>();
        for (TemporaryHoldingAccount temporary : temporaries) {
            if (facts.accounts().find(temporary.account()).map(Account::isOpen).orElse(false)) {
                for (UnitBlock block : FreeUnits.all(facts.ledger().heldBy(temporary.account()), b -> true, List.of())) {
                    blocks.add(block);
                    leaving.put(block.id(), temporary.account());
                }
            }
        }
        if (blocks.isEmpty()) {
            return List.of();
        }
        boolean here = to.registry().isCdm();
        List<EvaluationResult> problems = here ? conditions.acquiringHere(to, CdmAccounts.HOLDING_TYPES)
                : AccountConditions.acquiringElsewhere(to);
        SupplementaryType kind = here ? SupplementaryType.TEMPORARY_HOLDING_FORWARDING : SupplementaryType.EXTERNAL_TRANSFER;
        List<ProposalOutcome> outcomes = new ArrayList<>();
        for (int first = 0; first < blocks.size(); first += TransactionLifecycle.MAX_BLOCKS) {
            List<UnitBlock> part = List.copyOf(blocks.subList(first, Math.min(blocks.size(), first + TransactionLifecycle.MAX_BLOCKS)));
            Map<UnitBlockId, AccountRef> partLeaving = new LinkedHashMap<>();
            part.forEach(b -> partLeaving.put(b.id(), leaving.get(b.id())));
            outcomes.add(proposals.propose(problems, kind, partLeaving.get(part.get(0).id()), to, null, part, partLeaving));
        }
        return outcomes;
    }
}
