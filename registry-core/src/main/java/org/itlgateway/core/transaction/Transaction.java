package org.itlgateway.core.transaction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.itlgateway.core.result.EvaluationResult;

/**
 * A proposal on its way through the statuses, with the history of every status it reached. Business outcomes
 * are answered, never thrown: {@link #moveTo} says whether it moved, was already there, or could not.
 */
public final class Transaction {

    /** The EU rule, used as the log's default: a transaction not final 24 hours after its proposal is terminated. */
    public static final Duration DEFAULT_COMPLETION_LIMIT = Duration.ofHours(24);

    private final Proposal proposal;
    private final List<StatusChange> history;

    private Transaction(Proposal proposal, List<StatusChange> history) {
        this.proposal = Objects.requireNonNull(proposal, "proposal");
        this.history = history;
    }

    /** A new transaction, proposed at {@code at}. */
    public static Transaction propose(Proposal proposal, Instant at) {
        List<StatusChange> history = new ArrayList<>();
        history.add(new StatusChange(TransactionStatus.PROPOSED, at, List.of()));
        return new Transaction(proposal, history);
    }

    /** A transaction read back from storage with its history (oldest first). */
    public static Transaction restore(Proposal proposal, List<StatusChange> history) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("a transaction has at least its proposal in its history");
        }
        return new Transaction(proposal, new ArrayList<>(history));
    }

    public TransactionId id() {
        return proposal.id();
    }

    public Proposal proposal() {
        return proposal;
    }

    public TransactionStatus status() {
        return history.get(history.size() - 1).status();
    }

    public boolean isFinal() {
        return status().isFinal();
    }

    /** Every status reached, oldest first. */
    public List<StatusChange> history() {
        return List.copyOf(history);
    }

    /** The results attached to the latest status (the reasons of a discrepancy or rejection). */
    public List<EvaluationResult> latestResults() {
        return history.get(history.size() - 1).results();
    }

    public Instant proposedAt() {
        return history.get(0).at();
    }

    /**
     * Moves to {@code target} if the status machine allows it. A move to the current status is a replay and
     * changes nothing; so is any move once the transaction is final.
     */
    public StatusOutcome moveTo(TransactionStatus target, Instant at, List<EvaluationResult> results) {
        TransactionStatus current = status();
        if (current == target) {
            return StatusOutcome.REPLAYED;
        }
        if (current.isFinal()) {
            return StatusOutcome.IGNORED_BECAUSE_FINAL;
        }
        if (!current.canMoveTo(target)) {
            return StatusOutcome.REFUSED;
        }
        history.add(new StatusChange(target, at, results));
        return StatusOutcome.APPLIED;
    }

    public StatusOutcome moveTo(TransactionStatus target, Instant at) {
        return moveTo(target, at, List.of());
    }

    /** Completes the transaction (status 4). */
    public StatusOutcome finalise(Instant at) {
        return moveTo(TransactionStatus.COMPLETED, at);
    }

    /** Terminates the transaction (status 5), with the results that explain why. */
    public StatusOutcome terminate(Instant at, List<EvaluationResult> results) {
        return moveTo(TransactionStatus.TERMINATED, at, results);
    }

    /** Cancels the transaction (status 7). */
    public StatusOutcome cancel(Instant at) {
        return moveTo(TransactionStatus.CANCELLED, at);
    }

    /** True when the transaction is not final {@code limit} after its proposal. */
    public boolean isOverdue(Instant now, Duration limit) {
        return !isFinal() && !now.isBefore(proposedAt().plus(limit));
    }

    @Override
    public String toString() {
        return id() + " " + proposal.type().label() + " [" + status() + "]";
    }
}
