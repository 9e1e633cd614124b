package org.itlgateway.core.cdm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.itlgateway.core.account.Account;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.lifecycle.AcquiringAccountOpen;
import org.itlgateway.core.lifecycle.IncomingDecision;
import org.itlgateway.core.lifecycle.NotificationOutcome;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.lifecycle.TransactionIdentifiers;
import org.itlgateway.core.lifecycle.TransactionLifecycle;
import org.itlgateway.core.notice.Notice;
import org.itlgateway.core.project.Projects;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.LulucfActivity;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;

/**
 * The CDM registry's business: the Executive Board issues CERs, tCERs and lCERs into the pending account; 2% goes
 * to the Adaptation Fund (see {@link ShareOfProceeds}); the rest is forwarded to holding accounts here or to
 * national registries; units are cancelled voluntarily (with an {@link Attestation}) or against an ITL notice
 * (excess issuance, CCS); temporary holding accounts are forwarded in one transaction once their registry is
 * connected.
 *
 * <p>Every operation checks what it names and proposes one transaction through the registry's
 * {@link TransactionLifecycle}; a refusal changes nothing. Transaction identifiers come from the sequence
 * {@code transaction.CDM} (CDM1, CDM2 ...), serial numbers from {@link SerialNumbers}. Effects on the holdings
 * happen when the log's notifications arrive ({@link #notify}); when an issuance completes, its share of proceeds
 * is proposed at once (3-47, pending account to CDM-100-1100-0) and returned as a follow-up to send.
 *
 * <p>No rule here looks at commitment periods or dates: CP1 CERs held in the CDM registry stay holdable,
 * transferable inside it and voluntarily cancellable after the true-up period.
 */
public final class CdmRegistry {

    private static final Set<AccountType> PENDING_OR_HOLDING =
            EnumSet.of(AccountType.PENDING, AccountType.PARTY_HOLDING, AccountType.ENTITY_HOLDING, AccountType.PERSON_HOLDING);

    private final CdmFacts facts;
    private final TransactionLifecycle lifecycle;
    private final CdmProposals proposals;
    private final SerialNumbers serials;
    private final AccountConditions conditions;
    private final SharesOwed sharesOwed;
    private final TemporaryHoldingForwarding temporaryForwarding;
    private final CompletionRecords records;

    private CdmRegistry(CdmFacts facts, Clock clock, Duration completionLimit) {
        this.facts = Objects.requireNonNull(facts, "facts");
        this.lifecycle = TransactionLifecycle.of(RegistryCode.CDM, facts.transactions(), facts.unfinishedTransactions(),
                        facts.ledger(), clock)
                .withCompletionLimit(completionLimit)
                .withAcceptanceRules(List.of(new AcquiringAccountOpen(facts.accounts()), new CdmUnitsIntoHoldingAccounts()));
        this.proposals = new CdmProposals(lifecycle, new TransactionIdentifiers(RegistryCode.CDM, facts.sequences()), clock);
        this.serials = new SerialNumbers(facts.sequences());
        this.conditions = new AccountConditions(facts.accounts());
        this.sharesOwed = new SharesOwed(facts.issuances());
        this.temporaryForwarding = new TemporaryHoldingForwarding(facts, conditions, proposals);
        this.records = new CompletionRecords(facts);
    }

    /** The CDM registry over {@code facts}, opening its own accounts if they do not exist yet. */
    public static CdmRegistry open(CdmFacts facts, Clock clock) {
        return open(facts, clock, Transaction.DEFAULT_COMPLETION_LIMIT);
    }

    /** The same, terminating its transactions not final {@code completionLimit} after their proposal. */
    public static CdmRegistry open(CdmFacts facts, Clock clock, Duration completionLimit) {
        for (Account account : CdmAccounts.fixed()) {
            if (facts.accounts().find(account.ref()).isEmpty()) {
                facts.accounts().save(account);
            }
        }
        return new CdmRegistry(facts, clock, completionLimit);
    }

    public TransactionLifecycle lifecycle() {
        return lifecycle;
    }

    /** The project reference table the registry issues against. */
    public Projects projects() {
        return facts.projects();
    }

    // ---------------------------------------------------------------- accounts

    /** Opens a holding account (100, 120 or 121) for a holder, numbered from the participants' sequence. */
    public AccountRef openHoldingAccount(AccountType type, String holder) {
        if (!CdmAccounts.HOLDING_TYPES.contains(type)) {
            throw new IllegalArgumentException(type.label() + " is not a holding account");
        }
        AccountRef ref = AccountRef.of(RegistryCode.CDM, type,
                CdmAccounts.participantIdentifier(facts.sequences().next(CdmAccounts.ACCOUNT_SEQUENCE)));
        facts.accounts().save(Account.open(ref, holder));
        return ref;
    }

    /** Opens a temporary holding account that keeps a participant's units until {@code destination} can take them. */
    public AccountRef openTemporaryHoldingAccount(String participant, AccountRef destination) {
        AccountRef ref = openHoldingAccount(AccountType.ENTITY_HOLDING, participant + " (temporary, for " + destination + ")");
        facts.temporaryHoldingAccounts().save(new TemporaryHoldingAccount(ref, participant, destination));
        return ref;
    }

    // ---------------------------------------------------------------- issuance and share of proceeds

    /**
     * Proposes an issuance (1-0) into the pending account, of one block of fresh serial numbers of the project.
     * The units exist once the log's check arrives.
     */
    public ProposalOutcome issue(IssuanceRequest request) {
        List<EvaluationResult> problems = IssuanceConditions.problems(request, facts.projects());
        if (!problems.isEmpty()) {
            return ProposalOutcome.refused(problems);
        }
        SerialRange range = serials.allocate(request.projectId(), request.quantity());
        UnitAttributes attributes = request.unitType().isTemporary()
                ? new UnitAttributes(RegistryCode.CDM, request.unitType(), 0, request.period(), request.period(),
                        LulucfActivity.AFFORESTATION_AND_REFORESTATION, request.projectId(), null, request.expiryDate())
                : UnitAttributes.cer(request.projectId(), request.period());
        return proposals.propose(SupplementaryType.ISSUANCE, null, CdmAccounts.PENDING,
                List.of(new UnitBlock(range, attributes)));
    }

    /**
     * Proposes again the share of proceeds of a completed issuance whose earlier 3-47 transaction did not
     * complete. Refused when nothing is owed or a 3-47 transaction for it is still under way.
     */
    public ProposalOutcome transferShareOfProceeds(TransactionId issuanceId) {
        Optional<Issuance> found = facts.issuances().find(issuanceId);
        if (found.isEmpty()) {
            return ProposalOutcome.refused(EvaluationResult.of(ResponseCode.TRANSACTION_UNKNOWN,
                    "no completed issuance " + issuanceId));
        }
        Issuance issuance = found.get();
        if (issuance.shareOfProceedsSettled()) {
            return ProposalOutcome.refused(EvaluationResult.of(ResponseCode.TRANSACTION_ALREADY_FINAL,
                    "the share of proceeds of " + issuanceId + " is transferred already, or none is owed"));
        }
        TransactionId attempt = issuance.shareOfProceedsTransaction();
        if (attempt != null && facts.transactions().find(attempt).map(t -> !t.isFinal()).orElse(false)) {
            return ProposalOutcome.refused(EvaluationResult.of(ResponseCode.UNITS_RESERVED,
                    List.of(issuance.shareOfProceedsBlock().id()), "transaction " + attempt + " carries it already"));
        }
        return proposeShareOfProceeds(issuance);
    }

    private ProposalOutcome proposeShareOfProceeds(Issuance issuance) {
        ProposalOutcome outcome = proposals.propose(SupplementaryType.SHARE_OF_PROCEEDS_AT_ISSUANCE, CdmAccounts.PENDING,
                CdmAccounts.ADAPTATION_FUND, List.of(issuance.shareOfProceedsBlock()));
        if (outcome.isRecorded()) {
            facts.issuances().save(issuance.withShareOfProceedsTransaction(outcome.transaction().id()));
        }
        return outcome;
    }

    // ---------------------------------------------------------------- forwarding and transfers

    /**
     * Forwards units from the pending account: to a holding account here (10-51) or to a holding account in a
     * national registry (external transfer 3-0). Units still owed to the Adaptation Fund cannot be forwarded.
     */
    public ProposalOutcome forward(AccountRef to, List<UnitBlock> blocks) {
        List<EvaluationResult> problems = new ArrayList<>(sharesOwed.touchedBy(blocks));
        SupplementaryType kind;
        if (to.registry().isCdm()) {
            problems.addAll(conditions.acquiringHere(to, CdmAccounts.HOLDING_TYPES));
            kind = SupplementaryType.FORWARDING_FROM_PENDING;
        } else {
            problems.addAll(AccountConditions.acquiringElsewhere(to));
            kind = SupplementaryType.EXTERNAL_TRANSFER;
        }
        return proposals.propose(problems, kind, CdmAccounts.PENDING, to, null, blocks, Map.of());
    }

    /** Transfers units from a holding account: to another holding account here (10-0) or to a national registry (3-0). */
    public ProposalOutcome transfer(AccountRef from, AccountRef to, List<UnitBlock> blocks) {
        List<EvaluationResult> problems = new ArrayList<>(conditions.transferring(from, CdmAccounts.HOLDING_TYPES,
                ResponseCode.TRANSFERRING_ACCOUNT_TYPE_NOT_ALLOWED));
        if (to.equals(from)) {
            problems.add(EvaluationResult.of(ResponseCode.SAME_ACCOUNT, "the units are in " + to + " already"));
        }
        SupplementaryType kind;
        if (to.registry().isCdm()) {
            problems.addAll(conditions.acquiringHere(to, CdmAccounts.HOLDING_TYPES));
            kind = SupplementaryType.INTERNAL_TRANSFER;
        } else {
            problems.addAll(AccountConditions.acquiringElsewhere(to));
            kind = SupplementaryType.EXTERNAL_TRANSFER;
        }
        return proposals.propose(problems, kind, from, to, null, blocks, Map.of());
    }

    /**
     * Forwards every unit waiting in temporary holding accounts for {@code destination} (a registry now
     * connected), one transaction per destination account, each block leaving its own temporary account: an
     * external transfer (3-0), or 10-52 when the destination account is in the CDM registry. A destination with
     * more than 3,000 blocks waiting (the most the log takes at once) gets one transaction per 3,000.
     */
    public List<ProposalOutcome> forwardTemporaryHoldingAccounts(RegistryCode destination) {
        return temporaryForwarding.forward(destination);
    }

    // ---------------------------------------------------------------- cancellations

    /**
     * Proposes a voluntary cancellation (4-0) into the voluntary cancellation account, from the pending account
     * or a holding account. When it completes, an {@link Attestation} is made with this purpose and beneficiary.
     */
    public ProposalOutcome cancelVoluntarily(AccountRef from, List<UnitBlock> blocks, String purpose, String beneficiary) {
        List<EvaluationResult> problems = new ArrayList<>(conditions.transferring(from, PENDING_OR_HOLDING,
                ResponseCode.VOLUNTARY_CANCELLATION_FROM_WRONG_ACCOUNT));
        if (CdmAccounts.PENDING.equals(from)) {
            problems.addAll(sharesOwed.touchedBy(blocks));
        }
        ProposalOutcome outcome = proposals.propose(problems, SupplementaryType.VOLUNTARY_CANCELLATION, from,
                CdmAccounts.VOLUNTARY_CANCELLATION, null, blocks, Map.of());
        if (outcome.isRecorded()) {
            facts.voluntaryCancellations().save(new VoluntaryCancellation(outcome.transaction().id(), purpose,
                    beneficiary, outcome.transaction().proposedAt(), null));
        }
        return outcome;
    }

    /**
     * Cancels units against an ITL notice: excess issuance (notice 6, into 240), CCS net reversal of storage
     * (notice 4, into 241) or CCS non-submission of the certification report (notice 5, into 242). The notice must
     * be open, addressed to the CDM registry, and about the project of the units when it names one.
     */
    public ProposalOutcome cancelAgainstNotice(long noticeId, AccountRef from, List<UnitBlock> blocks) {
        Optional<Notice> found = facts.notices().find(noticeId);
        if (found.isEmpty() || !found.get().registry().isCdm()) {
            return ProposalOutcome.refused(EvaluationResult.of(ResponseCode.NOTICE_UNKNOWN,
                    "no notice " + noticeId + " for the CDM registry"));
        }
        Notice notice = found.get();
        Optional<SupplementaryType> kind = NoticeCancellations.kindFor(notice.type());
        if (kind.isEmpty()) {
            return ProposalOutcome.refused(EvaluationResult.of(ResponseCode.NOTICE_TYPE_MISMATCH,
                    "the CDM registry does not cancel units for a notice of " + notice.type().label()));
        }
        List<EvaluationResult> problems = new ArrayList<>(NoticeCancellations.problems(notice, blocks));
        problems.addAll(conditions.transferring(from, PENDING_OR_HOLDING, ResponseCode.TRANSFERRING_ACCOUNT_TYPE_NOT_ALLOWED));
        if (CdmAccounts.PENDING.equals(from)) {
            problems.addAll(sharesOwed.touchedBy(blocks));
        }
        // units of the first period go to that period's account; blocks of both periods are one proposal too many (3017)
        CommitmentPeriod period = blocks.stream().allMatch(b -> b.attributes().applicablePeriod() == CommitmentPeriod.CP1)
                ? CommitmentPeriod.CP1 : CommitmentPeriod.CP2;
        return proposals.propose(problems, kind.get(), from, CdmAccounts.cancellationAccountFor(kind.get(), period),
                noticeId, blocks, Map.of());
    }

    // ---------------------------------------------------------------- the log

    /** Decides on an external transfer into the CDM registry: only CERs, tCERs and lCERs, into open holding accounts. */
    public IncomingDecision considerIncoming(Proposal proposal) {
        return lifecycle.considerIncoming(proposal);
    }

    /**
     * Applies the log's notification; when it completes one of the registry's own transactions, writes down what
     * the completion means (tallies, issuance, attestation ...) and, after an issuance that owes a share of
     * proceeds, proposes it and returns it as a follow-up.
     */
    public NotificationOutcome notify(TransactionId id, TransactionStatus status, List<EvaluationResult> results) {
        NotificationOutcome outcome = lifecycle.notify(id, status, results);
        if (!outcome.completed()) {
            return outcome;
        }
        Transaction transaction = facts.transactions().find(id).orElseThrow();
        if (!lifecycle.isTransferringSide(transaction)) {
            return outcome;
        }
        Instant completedAt = transaction.history().get(transaction.history().size() - 1).at();
        Optional<Issuance> owing = records.record(transaction, completedAt);
        if (owing.isPresent()) {
            ProposalOutcome share = proposeShareOfProceeds(owing.get());
            if (share.isRecorded()) {
                return outcome.withFollowUps(List.of(share.transaction().proposal()));
            }
        }
        return outcome;
    }

    public NotificationOutcome notify(TransactionId id, TransactionStatus status) {
        return notify(id, status, List.of());
    }

    /** Terminates the registry's transactions overdue at {@code now}, releasing their units. */
    public List<TransactionId> terminateOverdue(Instant now) {
        return lifecycle.terminateOverdue(now);
    }

    // ---------------------------------------------------------------- reading

    /**
     * The first {@code quantity} units of a project that {@code account} can give now (lowest serial numbers,
     * not reserved, not owed to the Adaptation Fund), or empty when it has fewer.
     */
    public Optional<List<UnitBlock>> freeUnits(AccountRef account, long projectId, long quantity) {
        return FreeUnits.take(facts.ledger().heldBy(account),
                b -> Objects.equals(b.attributes().projectId(), projectId), setAside(account), quantity);
    }

    /** Every unit {@code account} can give now. */
    public List<UnitBlock> freeUnits(AccountRef account) {
        return FreeUnits.all(facts.ledger().heldBy(account), b -> true, setAside(account));
    }

    /** The attestation of a completed voluntary cancellation. */
    public Optional<Attestation> attestationOf(TransactionId cancellation) {
        return facts.voluntaryCancellations().find(cancellation).map(VoluntaryCancellation::attestation);
    }

    /** Checks an attestation against the registry's holdings and transactions. */
    public AttestationVerification verify(Attestation attestation) {
        return AttestationVerification.of(attestation, facts.ledger(), facts.transactions());
    }

    public PublicReports reports() {
        return new PublicReports(facts);
    }

    // ---------------------------------------------------------------- inside

    private List<SerialRange> setAside(AccountRef account) {
        return CdmAccounts.PENDING.equals(account) ? sharesOwed.ranges() : List.of();
    }
}
