package org.itlgateway.core.cdm;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.lifecycle.TransactionIdentifiers;
import org.itlgateway.core.lifecycle.TransactionLifecycle;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;

/** Writes the CDM registry's proposals, with the next identifier and the clock's time, and records them. */
final class CdmProposals {

    private final TransactionLifecycle lifecycle;
    private final TransactionIdentifiers ids;
    private final Clock clock;

    CdmProposals(TransactionLifecycle lifecycle, TransactionIdentifiers ids, Clock clock) {
        this.lifecycle = lifecycle;
        this.ids = ids;
        this.clock = clock;
    }

    /** Refuses with {@code problems} if there are any; otherwise proposes the transaction. */
    ProposalOutcome propose(List<EvaluationResult> problems, SupplementaryType kind, AccountRef from, AccountRef to,
                            Long noticeId, List<UnitBlock> blocks, Map<UnitBlockId, AccountRef> leaving) {
        if (!problems.isEmpty()) {
            return ProposalOutcome.refused(problems);
        }
        if (blocks.isEmpty()) {
            return ProposalOutcome.refused(EvaluationResult.of(ResponseCode.NO_UNIT_BLOCKS, "name the units"));
        }
        return lifecycle.propose(proposal(kind, from, to, noticeId, blocks, leaving));
    }

    ProposalOutcome propose(SupplementaryType kind, AccountRef from, AccountRef to, List<UnitBlock> blocks) {
        return propose(List.of(), kind, from, to, null, blocks, Map.of());
    }

    private Proposal proposal(SupplementaryType kind, AccountRef from, AccountRef to, Long noticeId,
                              List<UnitBlock> blocks, Map<UnitBlockId, AccountRef> leaving) {
        RegistryCode acquiring = to == null ? RegistryCode.CDM : to.registry();
        return new Proposal(ids.next(), kind.transactionType(), kind.code(), RegistryCode.CDM, from, acquiring, to,
                noticeId, blocks, leaving, clock.instant());
    }
}
