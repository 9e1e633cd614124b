package org.itlgateway.gateway.operator;

import java.time.Clock;
import java.time.Instant;
import org.itlgateway.core.check.RuleParameters;
import org.itlgateway.core.check.intake.IntakeOutcome;
import org.itlgateway.core.check.intake.ProposalForm;
import org.itlgateway.core.check.intake.ProposalIntake;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.lifecycle.TransactionIdentifiers;
import org.itlgateway.core.lifecycle.TransactionLifecycle;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.TransactionId;

/**
 * A proposal of any type that an operator writes out in full, for any registry: read by the same intake as a
 * proposal from the wire, given the registry's next transaction identifier, and recorded by the registry's
 * {@link TransactionLifecycle} (which reserves its units). A form the intake refuses takes no identifier.
 */
final class OwnProposals {

    private final RegistryCode registry;
    private final TransactionLifecycle lifecycle;
    private final TransactionIdentifiers ids;
    private final ProposalIntake intake;
    private final Clock clock;

    OwnProposals(RegistryCode registry, TransactionLifecycle lifecycle, TransactionIdentifiers ids, Clock clock) {
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.ids = ids;
        this.intake = ProposalIntake.of(RuleParameters.defaults());
        this.clock = clock;
    }

    /** Records the proposal the form describes; run it inside the node's unit of work. */
    ProposalOutcome propose(ProposalForm form) {
        Instant now = clock.instant();
        IntakeOutcome admitted = intake.admit(form, now);
        if (!admitted.isAdmitted()) {
            return ProposalOutcome.refused(admitted.refusals());
        }
        Proposal read = admitted.proposal().orElseThrow();
        TransactionId id = ids.next();
        return lifecycle.propose(new Proposal(id, read.type(), read.supplementaryType(), read.transferringRegistry(),
                read.transferringAccount(), read.acquiringRegistry(), read.acquiringAccount(), read.noticeId(),
                read.blocks(), read.blockTransferringAccounts(), now));
    }

    /** The identifier a form carries until the proposal is recorded and numbered. */
    String placeholderId() {
        return registry.value() + "0";
    }
}
