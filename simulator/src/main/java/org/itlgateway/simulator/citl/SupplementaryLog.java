package org.itlgateway.simulator.citl;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.itlgateway.core.check.CheckCatalogue;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.Evaluation;
import org.itlgateway.core.check.intake.IntakeOutcome;
import org.itlgateway.core.check.intake.ProposalForm;
import org.itlgateway.core.check.intake.ProposalIntake;
import org.itlgateway.core.holding.LedgerOutcome;
import org.itlgateway.core.registry.Registry;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.simulator.itl.HoldingsMirror;
import org.itlgateway.simulator.itl.InconsistentUnits;
import org.itlgateway.simulator.itl.LogFacts;

/**
 * The EU's supplementary transaction log (CITL): the ITL sends it every proposal that involves an EU registry;
 * it runs the supplementary checks (7xxx) against its own records of the EU registries and answers 9 (no
 * discrepancy) or 10 (discrepancy, with the results). The ITL tells it the final status, and its records follow.
 */
public final class SupplementaryLog {

    private final LogFacts facts;
    private final CheckCatalogue catalogue;
    private final SupplementaryVerdicts verdicts;
    private final Clock clock;
    private final HoldingsMirror mirror;
    private InconsistentUnits inconsistentUnits = InconsistentUnits.NONE;

    public SupplementaryLog(LogFacts facts, CheckCatalogue catalogue, SupplementaryVerdicts verdicts, Clock clock) {
        this.facts = Objects.requireNonNull(facts, "facts");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.verdicts = Objects.requireNonNull(verdicts, "verdicts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mirror = new HoldingsMirror(facts.mirror(),
                code -> facts.registries().find(code).map(Registry::euMember).orElse(false));
    }

    /**
     * Answers 10 with 6010 for proposals on units under an open inconsistency of the CITL's own reconciliations, as
     * {@code units} names them.
     */
    public void refuseUnitsUnder(InconsistentUnits units) {
        this.inconsistentUnits = Objects.requireNonNull(units, "units");
    }

    /** A proposal the ITL asks about: checked, answered, its units reserved in the EU records when it passes. */
    public String receiveProposal(ProposalForm form) {
        Instant now = clock.instant();
        TransactionId id = TransactionId.parse(form.transactionIdentifier());
        if (facts.transactions().find(id).isPresent()) {
            return "already checked";
        }
        // the parameters of the moment: a tester may change them at run time
        IntakeOutcome admitted = ProposalIntake.of(facts.parameters().get()).admit(form, now);
        if (!admitted.isAdmitted()) {
            verdicts.answer(id, TransactionStatus.STL_CHECKED_DISCREPANCY, admitted.refusals());
            return "refused at intake: " + admitted.codes();
        }
        Proposal proposal = admitted.proposal().orElseThrow();
        Transaction transaction = Transaction.propose(proposal, now);
        Evaluation evaluation = catalogue.evaluate(new CheckContext(proposal, proposal.transferringRegistry(), now,
                facts.registries(), facts.accounts(), facts.holdings(), facts.projects(), facts.notices(),
                facts.transactions(), facts.parameters().get()));
        List<EvaluationResult> results = new ArrayList<>(evaluation.results());
        List<UnitBlockId> underInconsistency = inconsistentUnits.openAmong(proposal.blockIds());
        if (!underInconsistency.isEmpty()) {
            results.add(EvaluationResult.of(ResponseCode.UNITS_UNDER_INCONSISTENCY, underInconsistency,
                    ResponseCode.UNITS_UNDER_INCONSISTENCY.meaning() + " (a reconciliation of the CITL's)"));
        }
        if (results.isEmpty()) {
            LedgerOutcome reserved = mirror.reserve(proposal, now);
            results = reserved.refusals();
        }
        if (!results.isEmpty()) {
            transaction.moveTo(TransactionStatus.CHECKED_NO_DISCREPANCY, now);
            transaction.moveTo(TransactionStatus.STL_CHECKED_DISCREPANCY, now, results);
            transaction.terminate(now, results);
            facts.transactions().save(transaction);
            verdicts.answer(id, TransactionStatus.STL_CHECKED_DISCREPANCY, results);
            return "discrepancy (10): " + results.stream().map(r -> r.code().code()).toList();
        }
        transaction.moveTo(TransactionStatus.CHECKED_NO_DISCREPANCY, now);
        transaction.moveTo(TransactionStatus.STL_CHECKED_NO_DISCREPANCY, now);
        facts.transactions().save(transaction);
        verdicts.answer(id, TransactionStatus.STL_CHECKED_NO_DISCREPANCY, List.of());
        return "no discrepancy (9)";
    }

    /** The final status of a transaction it checked, from the ITL: its EU records follow. */
    public String receiveFinalStatus(TransactionId id, TransactionStatus status) {
        Optional<Transaction> known = facts.transactions().find(id);
        if (known.isEmpty() || known.get().isFinal()) {
            return "nothing to apply";
        }
        Instant now = clock.instant();
        Transaction transaction = known.get();
        if (status == TransactionStatus.COMPLETED) {
            mirror.complete(transaction.proposal(), now);
        } else {
            mirror.release(id, now);
        }
        transaction.moveTo(status, now);
        facts.transactions().save(transaction);
        return "recorded " + status;
    }
}
