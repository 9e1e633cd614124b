package org.itlgateway.core.cdm;

import static org.itlgateway.core.cdm.CdmWorld.BIOGAS_CAMBODIA;
import static org.itlgateway.core.cdm.CdmWorld.CCS_MALAYSIA;
import static org.itlgateway.core.cdm.CdmWorld.REFORESTATION_COLOMBIA;
import static org.itlgateway.core.cdm.CdmWorld.WIND_INDIA;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.fixtures.HoldingInvariants;
import org.itlgateway.core.fixtures.LogDouble;
import org.itlgateway.core.fixtures.Noise;
import org.itlgateway.core.fixtures.PropertyRun;
import org.itlgateway.core.fixtures.SerialSet;
import org.itlgateway.core.fixtures.TestClock;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.notice.Notice;
import org.itlgateway.core.notice.NoticeStatus;
import org.itlgateway.core.notice.NoticeType;
import org.itlgateway.core.project.Project;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.core.unit.UnitType;
import org.junit.jupiter.api.Test;

/**
 * The CDM registry and a Japanese registry under random operations &mdash; issuances with their share of
 * proceeds, forwarding inside and out, transfers, voluntary and notice cancellations, temporary holding accounts
 * forwarded, units coming back from Japan &mdash; while the log answers at random, repeats itself, sends
 * notifications out of sequence and lets time pass. After every step the holdings invariants and the CDM
 * registry's own hold; after the last sweep every transaction is final and every attestation verifies.
 */
class CdmRegistryPropertyTest {

    private static final int SEQUENCES = 300;
    private static final int STEPS = 150;
    private static final List<Long> PROJECTS = List.of(WIND_INDIA, BIOGAS_CAMBODIA, REFORESTATION_COLOMBIA, CCS_MALAYSIA);
    private static final List<AccountType> CANCELLATION_TYPES = List.of(AccountType.VOLUNTARY_CANCELLATION,
            AccountType.EXCESS_ISSUANCE_CANCELLATION, AccountType.CCS_NET_REVERSAL_CANCELLATION,
            AccountType.CCS_NON_SUBMISSION_CANCELLATION);

    private final PropertyRun run = new PropertyRun();

    @Test
    void cdmRegistryKeepsItsInvariantsWhateverTheLogAndTheClockDo() {
        run.run(SEQUENCES, seed -> new Sequence(seed).play());

        Map<String, Integer> seen = run.seen();
        for (String needed : List.of("completed issuance", "completed share of proceeds", "share of proceeds proposed again",
                "completed forwarding to a holding account", "completed external transfer", "credited in the CDM registry",
                "rejected incoming transfer", "completed internal transfer", "completed voluntary cancellation",
                "completed excess issuance cancellation", "completed CCS cancellation",
                "completed temporary holding forwarding", "refused proposal", "repeated notification",
                "out-of-sequence notification", "terminated by the sweep", "attestation verified")) {
            assertTrue(seen.getOrDefault(needed, 0) > 0, () -> "never saw " + needed + " in " + seen);
        }
    }

    private final class Sequence {

        private final Random random;
        private final CdmWorld world = new CdmWorld(TestClock.at("2012-06-01T08:00:00Z"));
        private final CdmRegistry cdm = world.cdm;
        private final CdmNode cdmNode = new CdmNode(world);
        private final LogDouble log;
        private final HoldingInvariants invariants;
        private final List<AccountRef> holding = new ArrayList<>();
        private final AccountRef temporary;
        private final SerialSet proposedForIssuance = new SerialSet();
        private SerialSet cancelledBefore = new SerialSet();

        Sequence(long seed) {
            random = new Random(seed);
            holding.add(cdm.openHoldingAccount(AccountType.ENTITY_HOLDING, "Participant A"));
            holding.add(cdm.openHoldingAccount(AccountType.PERSON_HOLDING, "Participant B"));
            temporary = cdm.openTemporaryHoldingAccount("Participant C", world.japanHolding);
            notice(61, NoticeType.EXCESS_ISSUANCE, WIND_INDIA);
            notice(41, NoticeType.CCS_NET_REVERSAL_OF_STORAGE, CCS_MALAYSIA);
            notice(51, NoticeType.CCS_NON_SUBMISSION_OF_VERIFICATION_REPORT, CCS_MALAYSIA);
            List<LogDouble.Node> nodes = List.of(cdmNode, world.japan);
            log = new LogDouble(world.clock, Duration.ofHours(24), nodes);
            invariants = new HoldingInvariants(nodes);
        }

        private void notice(long id, NoticeType type, long projectId) {
            world.facts.save(new Notice(id, type, NoticeStatus.OPEN, RegistryCode.CDM, projectId, CommitmentPeriod.CP1,
                    null, null, null, Instant.parse("2012-05-01T00:00:00Z"), List.of(), ""));
        }

        void play() {
            for (int step = 0; step < STEPS; step++) {
                double r = random.nextDouble();
                if (r < 0.35) {
                    operate();
                } else if (r < 0.75) {
                    log.step(random);
                } else if (r < 0.88) {
                    noise();
                } else {
                    passTime(Duration.ofMinutes(random.nextInt(30 * 60)));
                }
                check();
            }
            if (random.nextBoolean()) {
                log.drain(random);
                check();
            }
            passTime(Duration.ofHours(25));
            check();
            invariants.checkAllFinal();
            attestationsVerify();
            count();
        }

        // ------------------------------------------------------------ operations

        private void operate() {
            switch (random.nextInt(12)) {
                case 0, 1 -> propose(this::issue);
                case 2, 3 -> propose(this::forward);
                case 4 -> propose(this::transfer);
                case 5, 6 -> propose(this::cancelVoluntarily);
                case 7 -> propose(this::cancelAgainstNotice);
                case 8 -> cdm.forwardTemporaryHoldingAccounts(CdmWorld.JP).forEach(o -> settle(o, before()));
                case 9 -> fromJapan();
                case 10 -> shareOfProceedsAgain();
                default -> propose(this::cancelUnitsNotHeld);
            }
        }

        private PropertyRun.Snapshot before() {
            return PropertyRun.Snapshot.of(cdmNode);
        }

        private void propose(Supplier<ProposalOutcome> operation) {
            PropertyRun.Snapshot before = before();
            ProposalOutcome outcome = operation.get();
            if (outcome != null) {
                settle(outcome, before);
            }
        }

        private void settle(ProposalOutcome outcome, PropertyRun.Snapshot before) {
            if (outcome.isRecorded()) {
                Proposal proposal = outcome.transaction().proposal();
                if (proposal.type() == TransactionType.ISSUANCE) {
                    proposal.blocks().forEach(b -> require(proposedForIssuance.addDisjoint(b.id()),
                            "serial numbers proposed for issuance twice: " + b.id()));
                }
                log.proposed(proposal);
            } else if (outcome.isRefused()) {
                run.saw("refused proposal");
                Noise.assertUnchanged(before, cdmNode, "refusal " + outcome.refusals());
            }
        }

        private ProposalOutcome issue() {
            long projectId = PROJECTS.get(random.nextInt(PROJECTS.size()));
            long quantity = random.nextBoolean() ? 1 + random.nextInt(60) : 1 + random.nextInt(20_000);
            CommitmentPeriod period = random.nextBoolean() ? CommitmentPeriod.CP1 : CommitmentPeriod.CP2;
            if (projectId == REFORESTATION_COLOMBIA) {
                UnitType type = random.nextBoolean() ? UnitType.TCER : UnitType.LCER;
                return cdm.issue(new IssuanceRequest(projectId, type, period, quantity, LocalDate.parse("2017-12-31")));
            }
            return cdm.issue(IssuanceRequest.cers(projectId, period, quantity));
        }

        private ProposalOutcome forward() {
            Optional<List<UnitBlock>> units = someFree(CdmAccounts.PENDING);
            if (units.isEmpty()) {
                return null;
            }
            List<AccountRef> destinations = new ArrayList<>(holding);
            destinations.add(temporary);
            destinations.add(world.japanHolding);
            return cdm.forward(destinations.get(random.nextInt(destinations.size())), units.get());
        }

        private ProposalOutcome transfer() {
            List<AccountRef> from = new ArrayList<>(holding);
            from.add(temporary);
            AccountRef source = from.get(random.nextInt(from.size()));
            Optional<List<UnitBlock>> units = someFree(source);
            if (units.isEmpty()) {
                return null;
            }
            List<AccountRef> to = new ArrayList<>(holding);
            to.remove(source);
            to.add(world.japanHolding);
            return cdm.transfer(source, to.get(random.nextInt(to.size())), units.get());
        }

        private ProposalOutcome cancelVoluntarily() {
            List<AccountRef> from = new ArrayList<>(holding);
            from.add(CdmAccounts.PENDING);
            from.add(temporary);
            AccountRef source = from.get(random.nextInt(from.size()));
            Optional<List<UnitBlock>> units = someFree(source);
            return units.map(u -> cdm.cancelVoluntarily(source, u, "Offsetting emissions of step " + random.nextInt(100),
                    random.nextBoolean() ? "" : "Beneficiary " + random.nextInt(10))).orElse(null);
        }

        private ProposalOutcome cancelAgainstNotice() {
            long noticeId = List.of(61L, 41L, 51L).get(random.nextInt(3));
            long projectId = noticeId == 61 ? WIND_INDIA : CCS_MALAYSIA;
            AccountRef source = random.nextBoolean() ? CdmAccounts.PENDING : holding.get(random.nextInt(holding.size()));
            List<UnitBlock> free = cdm.freeUnits(source).stream()
                    .filter(b -> b.attributes().projectId() == projectId).toList();
            if (free.isEmpty()) {
                return null;
            }
            UnitBlock block = free.get(random.nextInt(free.size()));
            return cdm.cancelAgainstNotice(noticeId, source, List.of(part(block)));
        }

        private ProposalOutcome cancelUnitsNotHeld() {
            long projectId = PROJECTS.get(random.nextInt(PROJECTS.size()));
            long start = projectId * SerialNumbers.PER_PROJECT + 5_000_000 + random.nextInt(1000);
            UnitBlock ghost = UnitBlock.of(start, start + random.nextInt(100), UnitAttributes.cer(projectId, CommitmentPeriod.CP1));
            ProposalOutcome outcome = cdm.cancelVoluntarily(holding.get(0), List.of(ghost), "nothing", "");
            require(outcome.isRefused(), "cancelled units never issued: " + ghost);
            return outcome;
        }

        private void fromJapan() {
            List<HeldBlock> free = world.japan.store().all().stream().filter(h -> !h.isReserved()).toList();
            if (free.isEmpty()) {
                return;
            }
            UnitBlock units = part(free.get(random.nextInt(free.size())).block());
            AccountRef to = random.nextInt(8) == 0 ? CdmAccounts.PENDING : holding.get(random.nextInt(holding.size()));
            Proposal back = world.japan.proposal(TransactionType.EXTERNAL_TRANSFER, 0, world.japanHolding, to, List.of(units));
            PropertyRun.Snapshot before = PropertyRun.Snapshot.of(world.japan);
            ProposalOutcome outcome = world.japan.lifecycle().propose(back);
            if (outcome.isRecorded()) {
                log.proposed(back);
            } else {
                Noise.assertUnchanged(before, world.japan, "refusal " + outcome.refusals());
            }
        }

        private void shareOfProceedsAgain() {
            List<Issuance> owed = cdm.reports().shareOfProceedsOwed();
            if (owed.isEmpty()) {
                return;
            }
            PropertyRun.Snapshot before = before();
            ProposalOutcome outcome = cdm.transferShareOfProceeds(owed.get(random.nextInt(owed.size())).transaction());
            if (outcome.isRecorded()) {
                run.saw("share of proceeds proposed again");
            }
            settle(outcome, before);
        }

        private Optional<List<UnitBlock>> someFree(AccountRef account) {
            List<UnitBlock> free = cdm.freeUnits(account);
            if (free.isEmpty()) {
                return Optional.empty();
            }
            List<UnitBlock> picked = new ArrayList<>();
            picked.add(part(free.get(random.nextInt(free.size()))));
            if (free.size() > 1 && random.nextInt(3) == 0) {
                UnitBlock second = part(free.get(random.nextInt(free.size())));
                if (!second.overlaps(picked.get(0))) {
                    picked.add(second);
                }
            }
            return Optional.of(picked);
        }

        private UnitBlock part(UnitBlock block) {
            SerialRange range = block.range();
            long offset = random.nextInt((int) Math.min(range.quantity(), 5_000));
            long quantity = 1 + random.nextInt((int) Math.min(range.quantity() - offset, 5_000));
            return block.withRange(SerialRange.ofQuantity(range.start() + offset, quantity));
        }

        // ------------------------------------------------------------ the log and the clock

        private void noise() {
            String kind = random.nextBoolean()
                    ? Noise.repeat(log, Map.of(RegistryCode.CDM, cdmNode, CdmWorld.JP, world.japan), random)
                    : Noise.outOfSequence(random.nextBoolean() ? cdmNode : world.japan, random);
            if (kind != null) {
                run.saw(kind);
            }
        }

        private void passTime(Duration duration) {
            world.clock.advance(duration);
            Instant now = world.clock.instant();
            List<Runnable> sweeps = new ArrayList<>();
            sweeps.add(log::terminateOverdue);
            sweeps.add(() -> cdm.terminateOverdue(now).forEach(id -> run.saw("terminated by the sweep")));
            sweeps.add(() -> world.japan.terminateOverdue(now).forEach(id -> run.saw("terminated by the sweep")));
            Collections.shuffle(sweeps, random);
            sweeps.forEach(Runnable::run);
        }

        // ------------------------------------------------------------ invariants

        private void check() {
            invariants.check();
            SerialSet cancelled = cancelled();
            require(cancelled.containsAll(cancelledBefore), "units left a cancellation account: "
                    + cancelledBefore.minus(cancelled));
            cancelledBefore = cancelled;
            shareOfProceedsWhereItBelongs();
            reportsAddUp();
        }

        private SerialSet cancelled() {
            SerialSet cancelled = new SerialSet();
            for (HeldBlock piece : world.holdings()) {
                if (CANCELLATION_TYPES.contains(piece.account().type())) {
                    require(!piece.isReserved(), "reserved in a cancellation account: " + piece);
                    cancelled.add(piece.block().id());
                }
            }
            return cancelled;
        }

        private void shareOfProceedsWhereItBelongs() {
            SerialSet settled = new SerialSet();
            for (Transaction t : world.transactions.all()) {
                if (t.proposal().type() != TransactionType.ISSUANCE || t.status() != TransactionStatus.COMPLETED) {
                    continue;
                }
                Issuance issuance = world.records.issuances().find(t.id())
                        .orElseThrow(() -> new AssertionError("completed issuance not recorded: " + t));
                UnitBlock block = t.proposal().blocks().get(0);
                Project project = world.facts.find(block.attributes().projectId()).orElseThrow();
                require(issuance.shareOfProceedsQuantity() == ShareOfProceeds.owedOn(project, block.unitType(), block.quantity()),
                        "wrong share of proceeds for " + issuance);
                if (issuance.shareOfProceeds() == null) {
                    continue;
                }
                UnitBlockId owed = new UnitBlockId(RegistryCode.CDM, issuance.shareOfProceeds());
                for (HeldBlock piece : world.ledger().holdersOf(owed)) {
                    if (issuance.shareOfProceedsSettled()) {
                        require(piece.account().equals(CdmAccounts.ADAPTATION_FUND), "settled share not in the fund: " + piece);
                    } else {
                        require(piece.account().equals(CdmAccounts.PENDING), "owed share left the pending account: " + piece);
                        require(!piece.isReserved() || piece.reservedBy().equals(issuance.shareOfProceedsTransaction()),
                                "owed share reserved by another transaction: " + piece);
                    }
                }
                require(world.ledger().holdersOf(owed).stream().mapToLong(h -> h.range().intersection(owed.range()).quantity())
                        .sum() == owed.range().quantity(), "share of proceeds not all held: " + issuance);
                if (issuance.shareOfProceedsSettled()) {
                    settled.add(owed);
                }
            }
            SerialSet fund = new SerialSet();
            world.ledger().heldBy(CdmAccounts.ADAPTATION_FUND).forEach(h -> fund.add(h.block().id()));
            require(fund.equals(settled), "the Adaptation Fund holds " + fund + ", the settled shares are " + settled);
        }

        private void reportsAddUp() {
            List<IssuanceReportLine> lines = cdm.reports().issuanceByProject();
            long issued = 0;
            long share = 0;
            long voluntarily = 0;
            long excess = 0;
            long ccs = 0;
            long pending = 0;
            for (IssuanceReportLine line : lines) {
                issued += line.issued();
                share += line.shareOfProceeds();
                voluntarily += line.voluntarilyCancelled();
                excess += line.excessIssuanceCancelled();
                ccs += line.ccsCancelled();
                pending += line.inPendingAccount();
            }
            require(issued == invariants.issued().quantity(), "the report's issued quantity differs from the issuances");
            require(share == world.held(CdmAccounts.ADAPTATION_FUND), "the report's share of proceeds differs");
            require(voluntarily == world.held(CdmAccounts.VOLUNTARY_CANCELLATION), "the report's voluntary cancellations differ");
            require(excess == world.held(CdmAccounts.EXCESS_ISSUANCE_CANCELLATION)
                    + world.held(CdmAccounts.EXCESS_ISSUANCE_CANCELLATION_FIRST_PERIOD), "the report's excess cancellations differ");
            require(ccs == world.held(CdmAccounts.CCS_NET_REVERSAL_CANCELLATION)
                    + world.held(CdmAccounts.CCS_NON_SUBMISSION_CANCELLATION), "the report's CCS cancellations differ");
            require(pending == world.held(CdmAccounts.PENDING), "the report's pending quantity differs");
        }

        private void attestationsVerify() {
            List<Attestation> attestations = cdm.reports().voluntaryCancellations();
            long completed = world.transactions.all().stream()
                    .filter(t -> t.proposal().kind().orElse(null) == SupplementaryType.VOLUNTARY_CANCELLATION
                            && t.status() == TransactionStatus.COMPLETED)
                    .count();
            require(attestations.size() == completed, "an attestation for every completed voluntary cancellation");
            for (Attestation attestation : attestations) {
                AttestationVerification verification = cdm.verify(attestation);
                require(verification.valid(), "attestation does not verify: " + verification.problems());
                run.saw("attestation verified");
            }
        }

        private void count() {
            for (Transaction t : world.transactions.all()) {
                boolean own = cdm.lifecycle().isTransferringSide(t);
                SupplementaryType kind = t.proposal().kind().orElseThrow();
                if (t.status() == TransactionStatus.COMPLETED) {
                    run.saw(switch (kind) {
                        case ISSUANCE -> "completed issuance";
                        case SHARE_OF_PROCEEDS_AT_ISSUANCE -> "completed share of proceeds";
                        case FORWARDING_FROM_PENDING -> "completed forwarding to a holding account";
                        case EXTERNAL_TRANSFER -> own ? "completed external transfer" : "credited in the CDM registry";
                        case INTERNAL_TRANSFER -> "completed internal transfer";
                        case VOLUNTARY_CANCELLATION -> "completed voluntary cancellation";
                        case EXCESS_ISSUANCE_CANCELLATION -> "completed excess issuance cancellation";
                        case CCS_NET_REVERSAL_CANCELLATION, CCS_NON_SUBMISSION_CANCELLATION -> "completed CCS cancellation";
                        case TEMPORARY_HOLDING_FORWARDING -> "completed temporary holding forwarding";
                        default -> "completed " + kind;
                    });
                    if (own && kind == SupplementaryType.EXTERNAL_TRANSFER && !t.proposal().blockTransferringAccounts().isEmpty()) {
                        run.saw("completed temporary holding forwarding");
                    }
                }
                if (!own && t.status() == TransactionStatus.REJECTED) {
                    run.saw("rejected incoming transfer");
                }
            }
        }
    }

    private static void require(boolean condition, String broken) {
        if (!condition) {
            throw new AssertionError(broken);
        }
    }
}
