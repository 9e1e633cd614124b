package org.itlgateway.core.lifecycle;

import java.util.List;
import java.util.Objects;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.transaction.Transaction;

/**
 * What became of a registry's own proposal: recorded (and its units reserved), already recorded with the same
 * content, or refused with the reasons (and then nothing changed).
 *
 * @param verdict     which of the three it is
 * @param transaction the transaction recorded, or {@code null} when refused
 * @param refusals    why it was refused; empty otherwise
 */
public record ProposalOutcome(Verdict verdict, Transaction transaction, List<EvaluationResult> refusals) {

    /** The three answers to a proposal. */
    public enum Verdict {
        /** New: the transaction is recorded in status 1 and its units are reserved. */
        RECORDED,
        /** The same proposal was recorded before; nothing changed. */
        EXISTS,
        /** Refused; nothing changed. */
        REFUSED
    }

    public ProposalOutcome {
        Objects.requireNonNull(verdict, "verdict");
        refusals = List.copyOf(refusals);
        if ((verdict == Verdict.REFUSED) != (transaction == null)) {
            throw new IllegalArgumentException("a refusal records no transaction, anything else does");
        }
        if ((verdict == Verdict.REFUSED) == refusals.isEmpty()) {
            throw new IllegalArgumentException("only a refusal, and always a refusal, says why");
        }
    }

    public static ProposalOutcome recorded(Transaction transaction) {
        return new ProposalOutcome(Verdict.RECORDED, transaction, List.of());
    }

    public static ProposalOutcome exists(Transaction transaction) {
        return new ProposalOutcome(Verdict.EXISTS, transaction, List.of());
    }

    public static ProposalOutcome refused(List<EvaluationResult> refusals) {
        return new ProposalOutcome(Verdict.REFUSED, null, refusals);
    }

    public static ProposalOutcome refused(EvaluationResult refusal) {
        return refused(List.of(refusal));
    }

    public boolean isRecorded() {
        return verdict == Verdict.RECORDED;
    }

    public boolean isRefused() {
        return verdict == Verdict.REFUSED;
    }
}
