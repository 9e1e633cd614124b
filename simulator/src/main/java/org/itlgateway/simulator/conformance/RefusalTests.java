package org.itlgateway.simulator.conformance;

import static org.itlgateway.simulator.conformance.ConformancePlan.CDM_PENDING;
import static org.itlgateway.simulator.conformance.ConformancePlan.COUNTERPART_ACCOUNT;

import java.util.List;
import java.util.Set;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.cdm.CdmAccounts;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.Track;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;
import org.itlgateway.simulator.journal.Direction;
import org.itlgateway.simulator.journal.JournalEntry;

/**
 * The tests that take the numbers the first categories left free: an issuance of units no registry issues (124),
 * an internal transfer into a final account (142) and a replayed external transfer (156). Each is a refusal the ITL
 * must make, and the registry must survive without a trace.
 */
final class RefusalTests {

    /** The JI project of the network's reference table that ERUs name. */
    static final long JI_PROJECT = 9902;

    private static final Set<RegistryKind> BOTH = Set.of(RegistryKind.NATIONAL, RegistryKind.CDM);

    private RefusalTests() {
    }

    static List<ConformanceTest> issuance() {
        return List.of(new ConformanceTest(124, "An issuance of a unit type that is never issued is refused",
                Category.ISSUANCE,
                "ERUs come from the conversion of AAUs and RMUs, never from an issuance (5003): the ITL refuses, and the "
                        + "registry creates none of the units.",
                List.of("National: the registry issues 10 ERUs (from AAUs, JI project 9902, track 1) into its account "
                        + "100-1-2.", "CDM: the registry issues 10 ERUs of project 4321 into its pending account."),
                "The ITL refuses it with 5003; the registry ends it without completing it; neither the mirror nor the "
                        + "registry holds any of its units.",
                BOTH, RefusalTests::eruIssuanceRefused));
    }

    static List<ConformanceTest> internalTransfer() {
        return List.of(new ConformanceTest(142, "An internal transfer into a cancellation account is refused",
                Category.INTERNAL_TRANSFER,
                "Units reach a final account only by the transaction type made for it (cancellation, retirement, "
                        + "replacement), never by an internal transfer (3025); the registry releases what it reserved.",
                List.of("National: the registry transfers 10 units from 100-1-2 to its voluntary cancellation account "
                        + "230-1-2 as an internal transfer (10-0).",
                        "CDM: the same from its holding account to CDM-230-2300-0."),
                "The ITL refuses it with 3025; the registry ends it without completing it; nothing stays reserved and "
                        + "the cancellation account holds none of the units.",
                BOTH, RefusalTests::internalTransferToFinalAccountRefused));
    }

    static List<ConformanceTest> externalTransfer() {
        return List.of(new ConformanceTest(156, "A replayed external transfer is refused with no double effect",
                Category.EXTERNAL_TRANSFER,
                "A transfer's signed proposal is taken in once: sent again, it moves no unit a second time and the "
                        + "acquiring registry is not asked again.",
                List.of("The registry transfers 10 units to JP-120-20045-0 and the transfer completes.",
                        "The runner sends the ITL the registry's signed proposal again, byte for byte."),
                "The ITL refuses the replay; it processed the proposal once and forwarded it to Japan once; its record, "
                        + "Japan's holdings and the registry's record are as they were.",
                BOTH, RefusalTests::replayedTransferRefused));
    }

    // ---- 124 ----

    private static void eruIssuanceRefused(Conformance c) {
        c.on("2016-09-03T12:00:00Z");
        AccountRef into = c.kind() == RegistryKind.CDM ? CDM_PENDING : ConformancePlan.party(c);
        long project = c.kind() == RegistryKind.CDM ? ConformancePlan.PROJECT : JI_PROJECT;
        long start = PlanSteps.serials(10);
        List<UnitBlock> erus = List.of(UnitBlock.of(start, start + 9, UnitAttributes.aau(RegistryCode.of(c.code()),
                CommitmentPeriod.CP2).withUnitType(UnitType.ERU_FROM_AAU).withProjectAndTrack(project, Track.ONE)));
        String transaction = c.track(c.registry().propose(PlanSteps.inFull("issue 10 ERUs of project " + project
                + " into " + into + " (ERUs are never issued)", "ISSUANCE", null, into, null, erus), c));
        c.requireRefusedAtItl(transaction, 5003);
        c.requireNotCompletedAtRegistry(transaction);
        PlanSteps.requireNoneHeld(c, into, erus, "of the refused issuance " + transaction);
    }

    // ---- 142 ----

    private static void internalTransferToFinalAccountRefused(Conformance c) {
        c.on("2016-09-05T11:00:00Z");
        AccountRef from = c.kind() == RegistryKind.CDM ? ConformancePlan.holding(c) : ConformancePlan.party(c);
        AccountRef to = c.kind() == RegistryKind.CDM ? CdmAccounts.VOLUNTARY_CANCELLATION
                : PlanSteps.open(c, AccountType.VOLUNTARY_CANCELLATION, 1, CommitmentPeriod.CP2, "Voluntary cancellation");
        List<UnitBlock> blocks = ConformancePlan.free(c, from, 10);
        String transaction = c.track(c.registry().propose(PlanSteps.inFull("transfer units from " + from
                + " to the cancellation account " + to + " as an internal transfer (10-0)", "INTERNAL_TRANSFER", from, to,
                null, blocks), c));
        PlanSteps.requireRefusedAndReleased(c, transaction, 3025, from);
        PlanSteps.requireNoneHeld(c, to, blocks, "of the refused transfer " + transaction);
    }

    // ---- 156 ----

    private static void replayedTransferRefused(Conformance c) {
        c.on("2016-09-08T09:00:00Z");
        AccountRef from = ConformancePlan.holding(c);
        long japanBefore = ConformancePlan.heldInCounterpart(c, COUNTERPART_ACCOUNT);
        String transaction = c.track(c.registry().propose(ConformancePlan.outgoing(c, from, COUNTERPART_ACCOUNT, 10), c));
        c.requireAtItl(transaction, TransactionStatus.COMPLETED);
        c.requireAtRegistry(transaction, TransactionStatus.COMPLETED);
        c.awaitThat("Japan to hold the 10 units",
                () -> ConformancePlan.heldInCounterpart(c, COUNTERPART_ACCOUNT) == japanBefore + 10);
        JournalEntry received = c.network().journal()
                .find(transaction, "ITL", Direction.RECEIVED, "acceptProposal", c.code(), 10, true).stream().findFirst()
                .orElseThrow(() -> new ConformanceFailure("the ITL's journal has no proposal of " + transaction));
        int historyBefore = c.atItl(transaction).orElseThrow().history().size();

        RawSoap.Answer answer = RawSoap.post(c.network().addressOf("ITL"),
                "urn:itlgateway:des:1.0:transactionlog/acceptProposal", received.rawXml());

        c.note("the replayed proposal of " + transaction + " was answered " + answer.summary());
        if (answer.accepted()) {
            throw new ConformanceFailure("the ITL took in the replayed proposal of " + transaction + ": " + answer.summary());
        }
        int processed = c.network().journal()
                .find(transaction, "ITL", Direction.PROCESSED, "acceptProposal", null, 10, false).size();
        int forwarded = c.network().journal()
                .find(transaction, "ITL", Direction.SENT, "acceptProposal", ConformancePlan.COUNTERPART, 10, false).size();
        if (processed > 1 || forwarded > 1) {
            throw new ConformanceFailure("the ITL processed the proposal of " + transaction + " " + processed
                    + " times and forwarded it to Japan " + forwarded + " times");
        }
        if (c.atItl(transaction).orElseThrow().history().size() != historyBefore) {
            throw new ConformanceFailure("the replay of " + transaction + " changed the ITL's record");
        }
        long japan = ConformancePlan.heldInCounterpart(c, COUNTERPART_ACCOUNT);
        if (japan != japanBefore + 10) {
            throw new ConformanceFailure("Japan holds " + (japan - japanBefore) + " units more, not 10, after the replay of "
                    + transaction);
        }
        c.requireAtRegistry(transaction, TransactionStatus.COMPLETED);
    }
}
