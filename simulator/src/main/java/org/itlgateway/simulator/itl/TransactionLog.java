package org.itlgateway.simulator.itl;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.itlgateway.core.Sequences;
import org.itlgateway.core.check.CheckCatalogue;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.Evaluation;
import org.itlgateway.core.check.intake.IntakeOutcome;
import org.itlgateway.core.check.intake.ProposalForm;
import org.itlgateway.core.check.intake.ProposalIntake;
import org.itlgateway.core.check.sequence.NotificationRules;
import org.itlgateway.core.check.sequence.NotificationVerdict;
import org.itlgateway.core.holding.LedgerOutcome;
import org.itlgateway.core.notice.Notice;
import org.itlgateway.core.notice.NoticeStatus;
import org.itlgateway.core.notice.NoticeType;
import org.itlgateway.core.registry.Registry;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.StatusChange;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.core.unit.UnitType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The International Transaction Log's handling of transactions: it checks every proposal with the catalogue,
 * reserves the units in its mirror of the registries' holdings, routes transactions that involve an EU registry
 * to the CITL, forwards external transfers to the acquiring registry, notifies both sides, applies completions
 * to its mirror, and terminates what is not final in time.
 *
 * <p>Each method reads and writes the log's facts and sends through {@link LogMessages}; run each inside one
 * database transaction with the inbox message that caused it.
 */
public final class TransactionLog {

    /** The node code of the supplementary log. */
    public static final String SUPPLEMENTARY_LOG = "CITL";

    private static final Logger LOG = LoggerFactory.getLogger(TransactionLog.class);

    private final LogFacts facts;
    private final CheckCatalogue catalogue;
    private final LogMessages messages;
    private final Clock clock;
    private final NotificationRules notificationRules = new NotificationRules();
    private final HoldingsMirror mirror;
    private final Sequences numbers;
    private InconsistentUnits inconsistentUnits = InconsistentUnits.NONE;

    public TransactionLog(LogFacts facts, CheckCatalogue catalogue, LogMessages messages, Clock clock,
                          Sequences numbers) {
        this.numbers = Objects.requireNonNull(numbers, "numbers");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mirror = new HoldingsMirror(facts.mirror(), registry -> true);
    }

    /** Refuses proposals on units under an open reconciliation inconsistency (6010), as {@code units} names them. */
    public void refuseUnitsUnder(InconsistentUnits units) {
        this.inconsistentUnits = Objects.requireNonNull(units, "units");
    }

    /** A registry's proposal: checked, then routed; the registry hears of a discrepancy at once. */
    public String receiveProposal(RegistryCode sender, ProposalForm form) {
        Instant now = clock.instant();
        TransactionId id = TransactionId.parse(form.transactionIdentifier());
        // the parameters of the moment: a tester may change them at run time
        IntakeOutcome admitted = ProposalIntake.of(facts.parameters().get()).admit(form, now);
        if (!admitted.isAdmitted()) {
            messages.notify(sender, id, TransactionStatus.CHECKED_DISCREPANCY, admitted.refusals());
            return "refused at intake: " + admitted.codes();
        }
        Proposal proposal = admitted.proposal().orElseThrow();
        Optional<Transaction> known = facts.transactions().find(id);
        if (known.isPresent()) {
            return known.get().proposal().sameContentAs(proposal)
                    ? "already received; status " + known.get().status()
                    : "a transaction " + id + " exists with other content; ignored";
        }
        List<UnitBlockId> underInconsistency = inconsistentUnits.openAmong(proposal.blockIds());
        if (!underInconsistency.isEmpty()) {
            return discrepancy(Transaction.propose(proposal, now), List.of(EvaluationResult.of(
                    ResponseCode.UNITS_UNDER_INCONSISTENCY, underInconsistency,
                    ResponseCode.UNITS_UNDER_INCONSISTENCY.meaning())), now);
        }
        Evaluation evaluation = catalogue.evaluate(context(proposal, sender, now));
        Transaction transaction = Transaction.propose(proposal, now);
        if (!evaluation.passed()) {
            return discrepancy(transaction, evaluation.results(), now);
        }
        if (proposal.type() != TransactionType.ISSUANCE) {
            LedgerOutcome reserved = mirror.reserve(proposal, now);
            if (!reserved.isApplied()) {
                return discrepancy(transaction, reserved.refusals(), now);
            }
        }
        transaction.moveTo(TransactionStatus.CHECKED_NO_DISCREPANCY, now);
        facts.transactions().save(transaction);
        if (involvesEuRegistry(proposal)) {
            messages.askSupplementaryLog(proposal);
            return "checked (2); sent to the CITL for supplementary checks";
        }
        return proceed(transaction);
    }

    /** A notification from the CITL (9 or 10) or from a registry (8, 6 from the acquiring; 4, 5, 7 from the transferring). */
    public String receiveNotification(String sender, TransactionId id, TransactionStatus status,
                                      List<EvaluationResult> results) {
        Instant now = clock.instant();
        Optional<Transaction> known = facts.transactions().find(id);
        if (SUPPLEMENTARY_LOG.equals(sender)) {
            return known.map(t -> supplementaryVerdict(t, status, results, now))
                    .orElse("the CITL notified an unknown transaction " + id);
        }
        RegistryCode registry = RegistryCode.of(sender);
        NotificationVerdict verdict = notificationRules.judge(known, status, registry, known.map(this::wasForwarded).orElse(false));
        switch (verdict.action()) {
            case REPLAY:
                return "replay of " + status + "; nothing changes";
            case IGNORE:
                LOG.info("notification {} of {} from {}: {}", status, id, sender, verdict.result());
                repeatTheEndToALateAcceptor(known.orElseThrow(), status, registry);
                return verdict.result().toString();
            case REFUSE:
                LOG.info("notification {} of {} from {}: {}", status, id, sender, verdict.result());
                return verdict.result().toString();
            default:
                break;
        }
        Transaction transaction = known.orElseThrow();
        Proposal proposal = transaction.proposal();
        switch (status) {
            case ACCEPTED -> {
                transaction.moveTo(TransactionStatus.ACCEPTED, now, results);
                facts.transactions().save(transaction);
                messages.notify(proposal.transferringRegistry(), id, TransactionStatus.ACCEPTED, List.of());
                return "accepted by " + sender + "; the transferring registry finalises";
            }
            case REJECTED -> {
                end(transaction, TransactionStatus.REJECTED, results, now);
                messages.notify(proposal.transferringRegistry(), id, TransactionStatus.REJECTED, results);
                return "rejected by " + sender + ": " + codes(results);
            }
            case COMPLETED -> {
                mirror.complete(proposal, now);
                transaction.moveTo(TransactionStatus.COMPLETED, now);
                facts.transactions().save(transaction);
                trackFulfilment(proposal);
                if (proposal.isExternal()) {
                    messages.notify(proposal.acquiringRegistry(), id, TransactionStatus.COMPLETED, List.of());
                }
                tellSupplementaryLogIfInvolved(transaction);
                return "completed";
            }
            case TERMINATED, CANCELLED -> {
                end(transaction, status, results, now);
                if (wasForwarded(transaction)) {
                    messages.notify(proposal.acquiringRegistry(), id, status, results);
                }
                return status.label() + " by the transferring registry";
            }
            default -> {
                return "status " + status + " is not a registry's to notify";
            }
        }
    }

    /**
     * Sends a notice to a registry (net source cancellation, impending tCER/lCER expiry, excess issuance ...);
     * the registry fulfils it with transactions that carry its identifier, and the log follows their completion.
     */
    public Notice issueNotice(RegistryCode registry, NoticeType type, Long projectId, CommitmentPeriod period,
                              UnitType unitType, Long targetQuantity, LocalDate targetDate, List<UnitBlockId> blocks,
                              String content) {
        long id = numbers.next("notice");
        Notice notice = new Notice(id, type, NoticeStatus.OPEN, registry, projectId, period, unitType, targetQuantity,
                targetDate, clock.instant(), blocks, content);
        facts.notices().save(notice);
        messages.sendNotice(registry, notice);
        return notice;
    }

    /**
     * A completed transaction that names a notice counts towards it: the notice is incomplete (DES status 2) until
     * its target is reached, then completed (3) and sent to its registry again.
     */
    private void trackFulfilment(Proposal proposal) {
        if (proposal.noticeId() == null) {
            return;
        }
        Optional<Notice> found = facts.notices().find(proposal.noticeId());
        if (found.isEmpty() || !found.get().isOpen()) {
            return;
        }
        Notice notice = found.get();
        long quantity = proposal.quantity();
        long fulfilled = numbers.take("notice." + notice.id() + ".fulfilled", quantity) + quantity - 1;
        if (notice.targetQuantity() == null || fulfilled >= notice.targetQuantity()) {
            Notice done = notice.withStatus(NoticeStatus.FULFILLED);
            facts.notices().save(done);
            messages.sendNotice(notice.registry(), done);
        } else if (notice.status() == NoticeStatus.OPEN) {
            facts.notices().save(notice.withStatus(NoticeStatus.INCOMPLETE));
        }
    }

    /** Terminates every transaction not final at the completion limit after its proposal; answers which. */
    public List<TransactionId> terminateOverdue() {
        Instant now = clock.instant();
        List<TransactionId> terminated = new ArrayList<>();
        for (Transaction transaction : facts.unfinished().proposedNoLaterThan(now.minus(facts.parameters().get().completionLimit()))) {
            List<EvaluationResult> why = List.of(EvaluationResult.of(ResponseCode.TRANSACTION_OVERDUE,
                    "not completed within " + facts.parameters().get().completionLimit().toHours() + " hours of its proposal"));
            boolean forwarded = wasForwarded(transaction);
            end(transaction, TransactionStatus.TERMINATED, why, now);
            messages.notify(transaction.proposal().transferringRegistry(), transaction.id(), TransactionStatus.TERMINATED, why);
            if (forwarded) {
                messages.notify(transaction.proposal().acquiringRegistry(), transaction.id(), TransactionStatus.TERMINATED, why);
            }
            terminated.add(transaction.id());
        }
        return terminated;
    }

    /**
     * An acquiring registry that accepts a transfer the log has ended already (cancelled, terminated) missed that end,
     * or heard it before the proposal reached it: the log says it again, so that the registry does not keep an
     * acceptance open until its own deadline.
     */
    private void repeatTheEndToALateAcceptor(Transaction transaction, TransactionStatus notified, RegistryCode sender) {
        if (notified == TransactionStatus.ACCEPTED && transaction.status() != TransactionStatus.COMPLETED
                && sender.equals(transaction.proposal().acquiringRegistry())) {
            messages.notify(sender, transaction.id(), transaction.status(), transaction.latestResults());
        }
    }

    /**
     * The log's administrator cancels a transaction (status 7) that is not final and that the log has not yet told its
     * transferring registry to finalise: the log's reservation in its mirror is released, the transferring registry is
     * told (it releases its units), and so is the acquiring registry when the proposal was forwarded to it (it had
     * credited nothing: units are credited only on completion). Once the transferring registry was told to finalise
     * (an acceptance forwarded, or the check of an internal transaction), it may have done so, and a cancellation
     * would part the log from the registry: refused with 4002. A final transaction is refused with 4001.
     */
    public Optional<EvaluationResult> cancel(TransactionId id) {
        Instant now = clock.instant();
        Transaction transaction = facts.transactions().find(id).orElse(null);
        if (transaction == null) {
            return Optional.of(EvaluationResult.of(ResponseCode.TRANSACTION_UNKNOWN, "the log has no transaction " + id));
        }
        if (transaction.isFinal()) {
            return Optional.of(EvaluationResult.of(ResponseCode.TRANSACTION_ALREADY_FINAL,
                    "transaction " + id + " is final (" + transaction.status() + ")"));
        }
        if (wasToldToFinalise(transaction)) {
            return Optional.of(EvaluationResult.of(ResponseCode.STATUS_CHANGE_NOT_ALLOWED, "transaction " + id + " is "
                    + transaction.status() + ": " + transaction.proposal().transferringRegistry()
                    + " was told to finalise it and may have done so"));
        }
        boolean forwarded = wasForwarded(transaction);
        end(transaction, TransactionStatus.CANCELLED, List.of(), now);
        messages.notify(transaction.proposal().transferringRegistry(), id, TransactionStatus.CANCELLED, List.of());
        if (forwarded) {
            messages.notify(transaction.proposal().acquiringRegistry(), id, TransactionStatus.CANCELLED, List.of());
        }
        LOG.info("transaction {} cancelled by the log's administrator", id);
        return Optional.empty();
    }

    /** Whether the log told the transferring registry it may finalise: the acceptance, or an internal one's check. */
    private boolean wasToldToFinalise(Transaction transaction) {
        if (transaction.proposal().isExternal()) {
            return transaction.history().stream().anyMatch(c -> c.status() == TransactionStatus.ACCEPTED);
        }
        TransactionStatus checked = involvesEuRegistry(transaction.proposal())
                ? TransactionStatus.STL_CHECKED_NO_DISCREPANCY : TransactionStatus.CHECKED_NO_DISCREPANCY;
        return transaction.history().stream().anyMatch(c -> c.status() == checked);
    }

    /** Whether {@code asker} is a party to the transaction (its transferring or acquiring registry). */
    public boolean isPartyTo(RegistryCode asker, TransactionId id) {
        return facts.transactions().find(id)
                .map(t -> org.itlgateway.core.check.sequence.StatusQueryRule.refusal(asker, t.proposal()).isEmpty())
                .orElse(false);
    }

    /** The log's status of a transaction, for getTransactionStatus. */
    public Optional<StatusChange> statusOf(TransactionId id) {
        return facts.transactions().find(id).map(t -> t.history().get(t.history().size() - 1));
    }

    private String supplementaryVerdict(Transaction transaction, TransactionStatus status, List<EvaluationResult> results,
                                        Instant now) {
        if (transaction.isFinal()) {
            return "final already; the CITL's " + status + " changes nothing";
        }
        if (status == TransactionStatus.STL_CHECKED_DISCREPANCY) {
            transaction.moveTo(TransactionStatus.STL_CHECKED_DISCREPANCY, now, results);
            end(transaction, TransactionStatus.TERMINATED, results, now);
            messages.notify(transaction.proposal().transferringRegistry(), transaction.id(),
                    TransactionStatus.STL_CHECKED_DISCREPANCY, results);
            return "the CITL found a discrepancy: " + codes(results);
        }
        if (status == TransactionStatus.STL_CHECKED_NO_DISCREPANCY
                && transaction.moveTo(status, now).reached()) {
            facts.transactions().save(transaction);
            return proceed(transaction);
        }
        return "the CITL's " + status + " does not apply to " + transaction.status();
    }

    /**
     * After all checks passed: an external transfer is forwarded to the acquiring registry (and the transferring
     * registry hears it was checked); otherwise the registry is told it may finalise.
     */
    private String proceed(Transaction transaction) {
        Proposal proposal = transaction.proposal();
        if (proposal.isExternal()) {
            messages.notify(proposal.transferringRegistry(), transaction.id(), transaction.status(), List.of());
            messages.forward(proposal.acquiringRegistry(), proposal);
            return "checked (" + transaction.status().code() + "); forwarded to " + proposal.acquiringRegistry();
        }
        messages.notify(proposal.transferringRegistry(), transaction.id(), transaction.status(), List.of());
        return "checked (" + transaction.status().code() + "); the registry finalises";
    }

    private String discrepancy(Transaction transaction, List<EvaluationResult> results, Instant now) {
        transaction.moveTo(TransactionStatus.CHECKED_DISCREPANCY, now, results);
        transaction.terminate(now, results);
        facts.transactions().save(transaction);
        messages.notify(transaction.proposal().transferringRegistry(), transaction.id(),
                TransactionStatus.CHECKED_DISCREPANCY, results);
        return "discrepancy: " + codes(results);
    }

    private void end(Transaction transaction, TransactionStatus status, List<EvaluationResult> results, Instant now) {
        transaction.moveTo(status, now, results);
        mirror.release(transaction.id(), now);
        facts.transactions().save(transaction);
        tellSupplementaryLogIfInvolved(transaction);
    }

    private void tellSupplementaryLogIfInvolved(Transaction transaction) {
        if (transaction.isFinal() && involvesEuRegistry(transaction.proposal()) && wasSentToSupplementaryLog(transaction)) {
            messages.tellSupplementaryLog(transaction.id(), transaction.status());
        }
    }

    private boolean involvesEuRegistry(Proposal proposal) {
        return isEu(proposal.transferringRegistry()) || isEu(proposal.acquiringRegistry());
    }

    private boolean isEu(RegistryCode code) {
        return facts.registries().find(code).map(Registry::euMember).orElse(false);
    }

    private static boolean wasSentToSupplementaryLog(Transaction transaction) {
        return transaction.history().stream().anyMatch(c -> c.status() == TransactionStatus.CHECKED_NO_DISCREPANCY);
    }

    /** An external transfer is forwarded once every check passed (2 without the CITL, 9 with it). */
    private boolean wasForwarded(Transaction transaction) {
        if (!transaction.proposal().isExternal()) {
            return false;
        }
        boolean eu = involvesEuRegistry(transaction.proposal());
        return transaction.history().stream().anyMatch(c -> c.status() == (eu
                ? TransactionStatus.STL_CHECKED_NO_DISCREPANCY : TransactionStatus.CHECKED_NO_DISCREPANCY));
    }

    private CheckContext context(Proposal proposal, RegistryCode sender, Instant now) {
        return new CheckContext(proposal, sender, now, facts.registries(), facts.accounts(), facts.holdings(),
                facts.projects(), facts.notices(), facts.transactions(), facts.parameters().get());
    }

    private static String codes(List<EvaluationResult> results) {
        return results.stream().map(r -> Integer.toString(r.code().code())).toList().toString();
    }
}
