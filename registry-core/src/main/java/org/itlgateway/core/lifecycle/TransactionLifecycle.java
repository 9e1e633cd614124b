package org.itlgateway.core.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.holding.InPlaceChange;
import org.itlgateway.core.holding.Ledger;
import org.itlgateway.core.holding.LedgerOutcome;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.StatusChange;
import org.itlgateway.core.transaction.StatusOutcome;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.transaction.Transactions;
import org.itlgateway.core.transaction.UnfinishedTransactions;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;

/**
 * A registry's side of the transactions it takes part in, from proposal to final status, over its ledger of
 * holdings. Any registry uses it; the CDM registry is the first.
 *
 * <p><b>Own proposals.</b> {@link #propose} records the transaction in status 1 and reserves its units in the
 * account each block leaves, so units in flight stay reserved until the transaction finalises. If the ledger
 * refuses, nothing is recorded. An issuance has no units to reserve: its units are created when the log's
 * check arrives (status 2), never before, so a terminated issuance leaves no trace in the holdings.
 *
 * <p><b>Notifications from the log</b> ({@link #notify}) move the transaction along the status machine:
 * <ul>
 *   <li>internal transaction, 2 (or 9): finalise &mdash; reserved units move to the acquiring account, or change
 *       in place (conversion, carry-over, expiry-date change), or are created (issuance); status 4;</li>
 *   <li>external transfer, transferring side: 2 and 9 are recorded; 8 accepted finalises &mdash; the reserved units
 *       are debited and the transaction completes (the registry confirms 4 to the log); a 4 after 8 does the same;</li>
 *   <li>external transfer, acquiring side: the registry accepts or rejects with its own rules
 *       ({@link #considerIncoming}); the log's 4 credits the units;</li>
 *   <li>3 or 10 (discrepancy): the units are released and the transaction ends terminated with the results;
 *       5, 6, 7: the units are released and the transaction ends in that status.</li>
 * </ul>
 * A 9 or 10 straight after 1 implies the log's own check (2). A notification for a status already reached is a
 * replay, one for a final transaction is ignored, one the status machine does not allow is refused as out of
 * sequence: none of these changes anything.
 *
 * <p><b>Overdue.</b> {@link #terminateOverdue} terminates every transaction not final at the completion limit
 * (24 hours by default) after its proposal and releases its units, so every transaction ends in a final status.
 *
 * <p>Each call reads and writes through the repositories only; run it inside one database transaction so that a
 * change to the holdings and the transaction's new status commit together.
 */
public final class TransactionLifecycle {

    /** The most unit blocks the log takes in one transaction (the real ITL's limit). */
    public static final int MAX_BLOCKS = 3_000;

    private final RegistryCode registry;
    private final Transactions transactions;
    private final UnfinishedTransactions unfinished;
    private final Ledger ledger;
    private final Clock clock;
    private final Duration completionLimit;
    private final boolean awaitsSupplementaryLog;
    private final List<AcceptanceRule> acceptanceRules;

    private TransactionLifecycle(RegistryCode registry, Transactions transactions, UnfinishedTransactions unfinished,
                                 Ledger ledger, Clock clock, Duration completionLimit, boolean awaitsSupplementaryLog,
                                 List<AcceptanceRule> acceptanceRules) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.unfinished = Objects.requireNonNull(unfinished, "unfinished transactions");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.completionLimit = Objects.requireNonNull(completionLimit, "completion limit");
        this.awaitsSupplementaryLog = awaitsSupplementaryLog;
        this.acceptanceRules = List.copyOf(acceptanceRules);
        if (completionLimit.isNegative() || completionLimit.isZero()) {
            throw new IllegalArgumentException("the completion limit is positive, not " + completionLimit);
        }
    }

    /** The lifecycle of {@code registry}'s transactions, with the 24-hour limit and no acceptance rules of its own. */
    public static TransactionLifecycle of(RegistryCode registry, Transactions transactions,
                                          UnfinishedTransactions unfinished, Ledger ledger, Clock clock) {
        return new TransactionLifecycle(registry, transactions, unfinished, ledger, clock,
                Transaction.DEFAULT_COMPLETION_LIMIT, false, List.of());
    }

    /** The same, terminating transactions not final {@code limit} after their proposal. */
    public TransactionLifecycle withCompletionLimit(Duration limit) {
        return new TransactionLifecycle(registry, transactions, unfinished, ledger, clock, limit,
                awaitsSupplementaryLog, acceptanceRules);
    }

    /** The same, deciding on incoming external transfers with these rules (every rule is asked). */
    public TransactionLifecycle withAcceptanceRules(List<AcceptanceRule> rules) {
        return new TransactionLifecycle(registry, transactions, unfinished, ledger, clock, completionLimit,
                awaitsSupplementaryLog, rules);
    }

    /**
     * The same, for a registry whose transactions the supplementary log (the CITL) also checks: an internal
     * transaction finalises on 9, not on 2.
     */
    public TransactionLifecycle awaitingSupplementaryLog() {
        return new TransactionLifecycle(registry, transactions, unfinished, ledger, clock, completionLimit,
                true, acceptanceRules);
    }

    public RegistryCode registry() {
        return registry;
    }

    public Duration completionLimit() {
        return completionLimit;
    }

    // ---------------------------------------------------------------- own proposals

    /**
     * Records this registry's proposal in status 1 and reserves its units. Refused, with every reason and
     * without any change, when the proposal is malformed for this registry or the ledger refuses the
     * reservation. The same proposal again is answered {@code EXISTS}; the same identifier with other content
     * is refused.
     */
    public ProposalOutcome propose(Proposal proposal) {
        Optional<Transaction> existing = transactions.find(proposal.id());
        if (existing.isPresent()) {
            return existing.get().proposal().sameContentAs(proposal)
                    ? ProposalOutcome.exists(existing.get())
                    : ProposalOutcome.refused(EvaluationResult.of(ResponseCode.DUPLICATE_TRANSACTION_DIFFERENT_CONTENT,
                            "transaction " + proposal.id() + " exists with other content"));
        }
        List<EvaluationResult> problems = ProposalShape.problems(proposal, registry);
        if (!problems.isEmpty()) {
            return ProposalOutcome.refused(problems);
        }
        Instant now = clock.instant();
        LedgerOutcome reserved = reserve(proposal, now);
        if (!reserved.isApplied()) {
            return ProposalOutcome.refused(reserved.refusals());
        }
        Transaction transaction = Transaction.propose(proposal, now);
        transactions.save(transaction);
        return ProposalOutcome.recorded(transaction);
    }

    private LedgerOutcome reserve(Proposal proposal, Instant now) {
        if (proposal.type().createsUnits()) {
            List<UnitBlockId> existing = proposal.blocks().stream().map(UnitBlock::id)
                    .filter(id -> !ledger.holdersOf(id).isEmpty()).toList();
            return existing.isEmpty() ? LedgerOutcome.applied()
                    : LedgerOutcome.refused(List.of(EvaluationResult.of(ResponseCode.SERIALS_ALREADY_ISSUED, existing,
                            "these serial numbers are issued already")));
        }
        if (proposal.type().changesUnitsInPlace()) {
            InPlaceChange change = InPlaceChange.of(proposal, ledger);
            if (!change.problems().isEmpty()) {
                return LedgerOutcome.refused(change.problems());
            }
            return ledger.reserve(proposal.id(), change.heldBlocks(), proposal::transferringAccountOf, now);
        }
        return ledger.reserve(proposal.id(), proposal.blocks(), proposal::transferringAccountOf, now);
    }

    // ---------------------------------------------------------------- incoming external transfers

    /**
     * Decides, as acquiring registry, on an external transfer the log forwards: rejected when any of its units
     * is held here already or any acceptance rule says so; accepted otherwise. The transaction is recorded
     * (proposed at the proposal's own time, checked by the log on arrival, then accepted or rejected) and
     * nothing is credited until the log's 4. The same proposal again gets the same answer.
     */
    public IncomingDecision considerIncoming(Proposal proposal) {
        if (!proposal.acquiringRegistry().equals(registry)) {
            return new IncomingDecision(null, List.of(EvaluationResult.of(ResponseCode.WRONG_RECIPIENT,
                    "the transfer goes to " + proposal.acquiringRegistry() + ", not to " + registry)));
        }
        if (!proposal.isExternal()) {
            return new IncomingDecision(null, List.of(EvaluationResult.of(ResponseCode.ACQUIRING_REGISTRY_MUST_DIFFER,
                    "only an external transfer comes in from another registry")));
        }
        Optional<Transaction> existing = transactions.find(proposal.id());
        if (existing.isPresent()) {
            return existing.get().proposal().sameContentAs(proposal)
                    ? decisionOf(existing.get())
                    : new IncomingDecision(null, List.of(EvaluationResult.of(
                            ResponseCode.DUPLICATE_TRANSACTION_DIFFERENT_CONTENT,
                            "transaction " + proposal.id() + " exists with other content")));
        }
        Instant now = clock.instant();
        List<EvaluationResult> rejections = new ArrayList<>(unitsHeldHere(proposal));
        for (AcceptanceRule rule : acceptanceRules) {
            rejections.addAll(rule.evaluate(proposal, now));
        }
        Transaction transaction = Transaction.propose(proposal, proposal.proposedAt());
        transaction.moveTo(TransactionStatus.CHECKED_NO_DISCREPANCY, now);
        if (rejections.isEmpty()) {
            transaction.moveTo(TransactionStatus.ACCEPTED, now);
        } else {
            transaction.moveTo(TransactionStatus.REJECTED, now, rejections);
        }
        transactions.save(transaction);
        return new IncomingDecision(transaction, rejections);
    }

    private List<EvaluationResult> unitsHeldHere(Proposal proposal) {
        List<UnitBlockId> held = proposal.blocks().stream().map(UnitBlock::id)
                .filter(id -> !ledger.holdersOf(id).isEmpty()).toList();
        return held.isEmpty() ? List.of() : List.of(EvaluationResult.of(ResponseCode.ACQUIRING_REGISTRY_REFUSES_TRANSACTION,
                held, "these units are held in this registry already"));
    }

    private static IncomingDecision decisionOf(Transaction transaction) {
        for (StatusChange change : transaction.history()) {
            if (change.status() == TransactionStatus.REJECTED) {
                return new IncomingDecision(transaction, change.results());
            }
            if (change.status() == TransactionStatus.ACCEPTED) {
                return new IncomingDecision(transaction, List.of());
            }
        }
        throw new IllegalStateException("an incoming transaction is decided when recorded: " + transaction);
    }

    // ---------------------------------------------------------------- notifications from the log

    /** Applies the log's notification that transaction {@code id} reached {@code notified}, with its results. */
    public NotificationOutcome notify(TransactionId id, TransactionStatus notified, List<EvaluationResult> results) {
        Optional<Transaction> found = transactions.find(id);
        if (found.isEmpty()) {
            return NotificationOutcome.of(id, StatusOutcome.REFUSED, null, List.of(EvaluationResult.of(
                    ResponseCode.TRANSACTION_UNKNOWN, "no transaction " + id + " here")));
        }
        Transaction transaction = found.get();
        if (transaction.status() == notified) {
            return outcome(transaction, StatusOutcome.REPLAYED, List.of());
        }
        if (transaction.isFinal()) {
            return outcome(transaction, StatusOutcome.IGNORED_BECAUSE_FINAL, List.of(EvaluationResult.of(
                    ResponseCode.TRANSACTION_ALREADY_FINAL, "transaction " + id + " is " + transaction.status())));
        }
        Instant now = clock.instant();
        NotificationOutcome outcome = isTransferringSide(transaction)
                ? onTransferringSide(transaction, notified, results, now)
                : onAcquiringSide(transaction, notified, results, now);
        if (outcome.applied()) {
            transactions.save(transaction);
        }
        return outcome;
    }

    public NotificationOutcome notify(TransactionId id, TransactionStatus notified) {
        return notify(id, notified, List.of());
    }

    private NotificationOutcome onTransferringSide(Transaction transaction, TransactionStatus notified,
                                                   List<EvaluationResult> results, Instant now) {
        boolean external = transaction.proposal().isExternal();
        switch (notified) {
            case CHECKED_NO_DISCREPANCY, STL_CHECKED_NO_DISCREPANCY -> {
                if (!advance(transaction, notified, results, now)) {
                    return outOfSequence(transaction, notified);
                }
                if (!external && finalisesOn(notified)) {
                    return finalise(transaction, now);
                }
                return outcome(transaction, StatusOutcome.APPLIED, List.of());
            }
            case CHECKED_DISCREPANCY, STL_CHECKED_DISCREPANCY -> {
                if (!advance(transaction, notified, results, now)) {
                    return outOfSequence(transaction, notified);
                }
                ledger.release(transaction.id(), now);
                transaction.terminate(now, results);
                return outcome(transaction, StatusOutcome.APPLIED, results);
            }
            case ACCEPTED -> {
                if (!external || !advance(transaction, notified, results, now)) {
                    return outOfSequence(transaction, notified);
                }
                return finalise(transaction, now);
            }
            case COMPLETED -> {
                if (!external || transaction.status() != TransactionStatus.ACCEPTED) {
                    return outOfSequence(transaction, notified);
                }
                return finalise(transaction, now);
            }
            case TERMINATED, REJECTED, CANCELLED -> {
                if (!transaction.status().canMoveTo(notified)) {
                    return outOfSequence(transaction, notified);
                }
                ledger.release(transaction.id(), now);
                transaction.moveTo(notified, now, results);
                return outcome(transaction, StatusOutcome.APPLIED, results);
            }
            default -> {
                return outOfSequence(transaction, notified);
            }
        }
    }

    private NotificationOutcome onAcquiringSide(Transaction transaction, TransactionStatus notified,
                                                List<EvaluationResult> results, Instant now) {
        switch (notified) {
            case COMPLETED -> {
                if (transaction.status() != TransactionStatus.ACCEPTED) {
                    return outOfSequence(transaction, notified);
                }
                Proposal proposal = transaction.proposal();
                LedgerOutcome credited = ledger.credit(proposal.acquiringAccount(), proposal.blocks(), now);
                if (!credited.isApplied()) {
                    return outcome(transaction, StatusOutcome.REFUSED, credited.refusals());
                }
                transaction.finalise(now);
                return outcome(transaction, StatusOutcome.APPLIED, List.of());
            }
            case TERMINATED, CANCELLED -> {
                if (!transaction.status().canMoveTo(notified)) {
                    return outOfSequence(transaction, notified);
                }
                transaction.moveTo(notified, now, results);
                return outcome(transaction, StatusOutcome.APPLIED, results);
            }
            default -> {
                return outOfSequence(transaction, notified);
            }
        }
    }

    /** Moves to a check status; a 9 or 10 straight after 1 passes through 2, the log's own check being implied. */
    private static boolean advance(Transaction transaction, TransactionStatus target, List<EvaluationResult> results,
                                   Instant now) {
        // A step that can only follow the log's check (the supplementary check, the acquiring registry's acceptance)
        // implies it: its notification was overtaken on the way (each is delivered and retried on its own).
        boolean followsTheCheck = !TransactionStatus.PROPOSED.canMoveTo(target)
                && TransactionStatus.CHECKED_NO_DISCREPANCY.canMoveTo(target);
        if (followsTheCheck && transaction.status() == TransactionStatus.PROPOSED) {
            transaction.moveTo(TransactionStatus.CHECKED_NO_DISCREPANCY, now);
        }
        if (!transaction.status().canMoveTo(target)) {
            return false;
        }
        return transaction.moveTo(target, now, results) == StatusOutcome.APPLIED;
    }

    private boolean finalisesOn(TransactionStatus checked) {
        return !awaitsSupplementaryLog || checked == TransactionStatus.STL_CHECKED_NO_DISCREPANCY;
    }

    /** Makes the transaction's effect on the holdings and completes it. */
    private NotificationOutcome finalise(Transaction transaction, Instant now) {
        Proposal proposal = transaction.proposal();
        TransactionId id = transaction.id();
        if (proposal.type().createsUnits()) {
            LedgerOutcome issued = ledger.issue(proposal.acquiringAccount(), proposal.blocks(), now);
            if (!issued.isApplied()) {
                transaction.terminate(now, issued.refusals());
                return outcome(transaction, StatusOutcome.APPLIED, issued.refusals());
            }
        } else if (proposal.isExternal()) {
            ledger.debitReserved(id, now);
        } else if (proposal.type().changesUnitsInPlace()) {
            ledger.changeReserved(id, InPlaceChange.of(proposal, ledger).change(), now);
        } else {
            ledger.moveReserved(id, proposal.acquiringAccount(), now);
        }
        transaction.finalise(now);
        return outcome(transaction, StatusOutcome.APPLIED, List.of());
    }

    // ---------------------------------------------------------------- cancellation

    /**
     * Cancels one of this registry's own transactions before it is final (status 7): the units it reserved are
     * released, and the registry then tells the log, which cancels it too and tells the acquiring registry if it had
     * forwarded the proposal. Only the transferring registry cancels: an acquiring registry rejects a transfer
     * instead (4010). A final transaction stays as it is (4001); an unknown one is refused with 3003.
     */
    public CancellationOutcome cancel(TransactionId id, Instant now) {
        Optional<Transaction> found = transactions.find(id);
        if (found.isEmpty()) {
            return CancellationOutcome.refused(id, EvaluationResult.of(ResponseCode.TRANSACTION_UNKNOWN,
                    registry + " has no transaction " + id));
        }
        Transaction transaction = found.get();
        if (!isTransferringSide(transaction)) {
            return CancellationOutcome.refused(id, EvaluationResult.of(ResponseCode.NOTIFICATION_FROM_WRONG_REGISTRY,
                    "transaction " + id + " is " + transaction.proposal().transferringRegistry()
                            + "'s to cancel; the acquiring registry rejects a transfer instead"));
        }
        if (transaction.isFinal()) {
            return CancellationOutcome.refused(id, EvaluationResult.of(ResponseCode.TRANSACTION_ALREADY_FINAL,
                    "transaction " + id + " is final (" + transaction.status() + ")"));
        }
        if (!transaction.status().canMoveTo(TransactionStatus.CANCELLED)) {
            return CancellationOutcome.refused(id, EvaluationResult.of(ResponseCode.STATUS_CHANGE_NOT_ALLOWED,
                    "transaction " + id + " cannot move from " + transaction.status() + " to cancelled"));
        }
        ledger.release(id, now);
        transaction.cancel(now);
        transactions.save(transaction);
        return CancellationOutcome.done(id);
    }

    // ---------------------------------------------------------------- overdue

    /**
     * Terminates every transaction not final at the completion limit after its proposal, releasing its units.
     * Returns the transactions terminated, oldest first.
     */
    public List<TransactionId> terminateOverdue(Instant now) {
        List<TransactionId> terminated = new ArrayList<>();
        for (Transaction transaction : unfinished.proposedNoLaterThan(now.minus(completionLimit))) {
            if (!transaction.isOverdue(now, completionLimit)) {
                continue;
            }
            if (isTransferringSide(transaction)) {
                ledger.release(transaction.id(), now);
            }
            transaction.terminate(now, List.of(EvaluationResult.of(ResponseCode.TRANSACTION_OVERDUE,
                    "not completed within " + completionLimit.toHours() + " hours of its proposal")));
            transactions.save(transaction);
            terminated.add(transaction.id());
        }
        return terminated;
    }

    /** The sweep at the clock's time. */
    public List<TransactionId> terminateOverdue() {
        return terminateOverdue(clock.instant());
    }

    // ---------------------------------------------------------------- reading

    /** True when this registry proposed the transaction (its units leave, or are created, here). */
    public boolean isTransferringSide(Transaction transaction) {
        return transaction.proposal().transferringRegistry().equals(registry);
    }

    /** The units a transaction holds reserved here. */
    public List<HeldBlock> reservedBy(Transaction transaction) {
        List<HeldBlock> reserved = new ArrayList<>();
        for (UnitBlock block : transaction.proposal().blocks()) {
            for (HeldBlock piece : ledger.holdersOf(block.id())) {
                if (transaction.id().equals(piece.reservedBy()) && !reserved.contains(piece)) {
                    reserved.add(piece);
                }
            }
        }
        return reserved;
    }

    private static NotificationOutcome outcome(Transaction transaction, StatusOutcome outcome,
                                               List<EvaluationResult> results) {
        return NotificationOutcome.of(transaction.id(), outcome, transaction.status(), results);
    }

    private static NotificationOutcome outOfSequence(Transaction transaction, TransactionStatus notified) {
        return outcome(transaction, StatusOutcome.REFUSED, List.of(EvaluationResult.of(
                ResponseCode.STATUS_CHANGE_NOT_ALLOWED, "transaction " + transaction.id() + " in status "
                        + transaction.status() + " cannot move to " + notified + " here")));
    }
}
