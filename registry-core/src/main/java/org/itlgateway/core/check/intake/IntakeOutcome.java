package org.itlgateway.core.check.intake;

import java.util.List;
import java.util.Optional;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;

/** What the intake made of a form: a proposal to check, or the results that say why there is none. */
public final class IntakeOutcome {

    private final Proposal proposal;
    private final List<EvaluationResult> refusals;

    private IntakeOutcome(Proposal proposal, List<EvaluationResult> refusals) {
        this.proposal = proposal;
        this.refusals = List.copyOf(refusals);
    }

    public static IntakeOutcome admitted(Proposal proposal) {
        return new IntakeOutcome(proposal, List.of());
    }

    public static IntakeOutcome refused(List<EvaluationResult> refusals) {
        if (refusals.isEmpty()) {
            throw new IllegalArgumentException("a refusal says why");
        }
        return new IntakeOutcome(null, refusals);
    }

    public boolean isAdmitted() {
        return proposal != null;
    }

    /** The proposal, when the form makes one. */
    public Optional<Proposal> proposal() {
        return Optional.ofNullable(proposal);
    }

    /** Why the form makes no proposal; empty when it does. */
    public List<EvaluationResult> refusals() {
        return refusals;
    }

    public List<ResponseCode> codes() {
        return refusals.stream().map(EvaluationResult::code).toList();
    }

    @Override
    public String toString() {
        return isAdmitted() ? "admitted " + proposal.id() : "refused " + refusals;
    }
}
