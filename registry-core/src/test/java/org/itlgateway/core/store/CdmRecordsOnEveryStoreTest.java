package org.itlgateway.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.cdm.Attestation;
import org.itlgateway.core.cdm.CdmAccounts;
import org.itlgateway.core.cdm.Issuance;
import org.itlgateway.core.cdm.ProjectTally;
import org.itlgateway.core.cdm.ProjectTally.Measure;
import org.itlgateway.core.cdm.TemporaryHoldingAccount;
import org.itlgateway.core.cdm.VoluntaryCancellation;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.LulucfActivity;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CDM registry's own records (issuances, project tallies, voluntary cancellations with their attestations,
 * temporary holding accounts) behave the same in memory and on PostgreSQL.
 */
@ParameterizedClass(name = "CDM records {0}")
@MethodSource("stores")
class CdmRecordsOnEveryStoreTest {

    static final RegistryCode CDM = RegistryCode.CDM;
    static final RegistryCode JP = RegistryCode.of("JP");
    static final RegistryCode NZ = RegistryCode.of("NZ");
    static final UnitAttributes WIND = UnitAttributes.cer(1234, CommitmentPeriod.CP1);
    static final UnitAttributes BIOGAS = UnitAttributes.cer(5678, CommitmentPeriod.CP2);
    static final UnitAttributes REFORESTATION = new UnitAttributes(CDM, UnitType.TCER, 0, CommitmentPeriod.CP1,
            CommitmentPeriod.CP1, LulucfActivity.AFFORESTATION_AND_REFORESTATION, 9999L, null, LocalDate.of(2017, 12, 31));
    static final AccountRef PARTICIPANT = AccountRef.parse("CDM-120-10001-0");
    static final Instant START = Instant.parse("2012-06-01T08:00:00Z");

    @Parameter
    CdmRecordsBench bench;

    static Stream<CdmRecordsBench> stores() {
        return Stream.of(CdmRecordsBench.inMemory(), CdmRecordsBench.postgres());
    }

    @BeforeEach
    void empty() {
        bench.empty();
    }

    // ---- issuances ----

    @Test
    void anIssuanceIsFoundAsSavedWithTheShareOfProceedsItOwes() {
        Issuance wind = Issuance.completed(cdm(1), UnitBlock.of(1, 10_000, WIND), 200);
        Issuance biogas = Issuance.completed(cdm(2), UnitBlock.of(10_001, 10_500, BIOGAS), 0);
        Issuance trees = Issuance.completed(cdm(3), UnitBlock.of(20_001, 21_000, REFORESTATION), 20);
        bench.issuances.save(wind);
        bench.issuances.save(biogas);
        bench.issuances.save(trees);

        assertEquals(Optional.of(wind), bench.issuances.find(cdm(1)));
        assertEquals(SerialRange.of(1, 200), bench.issuances.find(cdm(1)).orElseThrow().shareOfProceeds());
        assertEquals(Optional.of(biogas), bench.issuances.find(cdm(2)));
        assertEquals(Optional.of(trees), bench.issuances.find(cdm(3)));
        assertEquals(Optional.empty(), bench.issuances.find(cdm(4)));
        assertEquals(List.of(wind, trees), bench.issuances.withShareOfProceedsUnsettled(),
                "an issuance that owes nothing is settled from the start");
    }

    @Test
    void theShareOfProceedsIsFoundByTheTransactionCarryingItUntilALaterAttemptReplacesIt() {
        Issuance wind = Issuance.completed(cdm(1), UnitBlock.of(1, 10_000, WIND), 200);
        bench.issuances.save(wind);
        assertEquals(Optional.empty(), bench.issuances.findByShareOfProceedsTransaction(cdm(2)));

        bench.issuances.save(wind.withShareOfProceedsTransaction(cdm(2)));
        assertEquals(Optional.of(wind.withShareOfProceedsTransaction(cdm(2))),
                bench.issuances.findByShareOfProceedsTransaction(cdm(2)));

        bench.issuances.save(wind.withShareOfProceedsTransaction(cdm(7)));
        assertEquals(Optional.empty(), bench.issuances.findByShareOfProceedsTransaction(cdm(2)));
        assertEquals(Optional.of(wind.withShareOfProceedsTransaction(cdm(7))),
                bench.issuances.findByShareOfProceedsTransaction(cdm(7)));
    }

    @Test
    void unsettledSharesComeOldestFirstAndLeaveTheListOnceSettled() {
        Issuance first = Issuance.completed(cdm(1), UnitBlock.of(1, 1_000, WIND), 20);
        Issuance second = Issuance.completed(cdm(5), UnitBlock.of(1_001, 2_000, WIND), 20);
        Issuance third = Issuance.completed(cdm(3), UnitBlock.of(2_001, 3_000, BIOGAS), 20);
        bench.issuances.save(first);
        bench.issuances.save(second);
        bench.issuances.save(third);

        // Replacing an issuance keeps its place: the first recorded stays first.
        bench.issuances.save(first.withShareOfProceedsTransaction(cdm(10)));
        assertEquals(List.of(first.withShareOfProceedsTransaction(cdm(10)), second, third),
                bench.issuances.withShareOfProceedsUnsettled());

        bench.issuances.save(second.withShareOfProceedsTransaction(cdm(11)).settled());
        assertEquals(List.of(first.withShareOfProceedsTransaction(cdm(10)), third),
                bench.issuances.withShareOfProceedsUnsettled());
        assertEquals(Optional.of(second.withShareOfProceedsTransaction(cdm(11)).settled()),
                bench.issuances.findByShareOfProceedsTransaction(cdm(11)), "a settled share is still found");
    }

    // ---- project tallies ----

    @Test
    void aTallyIsFoundAsSavedAndAllComeByProjectNumber() {
        assertEquals(Optional.empty(), bench.tallies.find(1234));
        assertEquals(List.of(), bench.tallies.all());

        ProjectTally wind = ProjectTally.empty(1234).plus(Measure.ISSUED, 10_000).plus(Measure.SHARE_OF_PROCEEDS, 200);
        ProjectTally trees = ProjectTally.empty(9999).plus(Measure.ISSUED, 1_000);
        ProjectTally biogas = ProjectTally.empty(5678);
        bench.tallies.save(trees);
        bench.tallies.save(wind);
        bench.tallies.save(biogas);

        assertEquals(Optional.of(wind), bench.tallies.find(1234));
        assertEquals(List.of(wind, biogas, trees), bench.tallies.all());
    }

    @Test
    void savingATallyAgainReplacesEveryColumn() {
        ProjectTally tally = ProjectTally.empty(1234);
        for (Measure measure : Measure.values()) {
            tally = tally.plus(measure, 1_000L * (measure.ordinal() + 1));
            bench.tallies.save(tally);
        }
        ProjectTally large = tally.plus(Measure.ISSUED, 9_000_000_000_000L);
        bench.tallies.save(large);
        assertEquals(Optional.of(large), bench.tallies.find(1234));
        assertEquals(new ProjectTally(1234, 9_000_000_001_000L, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000),
                bench.tallies.find(1234).orElseThrow());
        assertEquals(List.of(large), bench.tallies.all());
    }

    // ---- voluntary cancellations and attestations ----

    @Test
    void aCancellationIsKeptFromItsProposalAndAttestedWhenItCompletes() {
        VoluntaryCancellation asked = new VoluntaryCancellation(cdm(40), "Offsetting the 2012 conference",
                "Example Conference Ltd", START.plusMillis(123), null);
        bench.cancellations.save(asked);
        assertEquals(Optional.of(asked), bench.cancellations.find(cdm(40)));
        assertEquals(Optional.empty(), bench.cancellations.find(cdm(41)));
        assertEquals(List.of(), bench.cancellations.attestations(), "nothing attested before completion");

        Attestation attestation = attestation(cdm(40), START.plusSeconds(60), asked.purpose(), asked.beneficiary(),
                UnitBlock.of(5_001, 5_500, WIND), UnitBlock.of(201, 1_700, WIND), UnitBlock.of(20_001, 20_010, REFORESTATION));
        bench.cancellations.save(asked.attested(attestation));

        VoluntaryCancellation read = bench.cancellations.find(cdm(40)).orElseThrow();
        assertEquals(asked.attested(attestation), read);
        assertEquals(List.of(UnitBlock.of(201, 1_700, WIND), UnitBlock.of(5_001, 5_500, WIND),
                UnitBlock.of(20_001, 20_010, REFORESTATION)), read.attestation().blocks());
        assertTrue(read.attestation().fingerprintMatches());
        assertEquals(attestation.render(), read.attestation().render());
        assertEquals(List.of(attestation), bench.cancellations.attestations());
    }

    @Test
    void freeTextComesBackExactlyAndMissingTextIsEmpty() {
        VoluntaryCancellation untold = new VoluntaryCancellation(cdm(1), null, null, START, null);
        bench.cancellations.save(untold);
        assertEquals(Optional.of(new VoluntaryCancellation(cdm(1), "", "", START, null)), bench.cancellations.find(cdm(1)));

        String purpose = "Line one\nline two \\ with a backslash, \"quotes\" and 'apostrophes'; São Paulo – 東京";
        VoluntaryCancellation odd = new VoluntaryCancellation(cdm(2), purpose, "Zürich AG\r\n", START, null);
        Attestation attestation = attestation(cdm(2), START.plusSeconds(1), purpose, "Zürich AG\r\n",
                UnitBlock.of(1, 1, WIND));
        bench.cancellations.save(odd.attested(attestation));
        Attestation read = bench.cancellations.find(cdm(2)).orElseThrow().attestation();
        assertEquals(attestation, read);
        assertTrue(read.fingerprintMatches());
    }

    @Test
    void attestationsComeInTheOrderTheCancellationsCompleted() {
        Instant noon = START.plusSeconds(4 * 3600);
        // Saved in another order than they completed in; CDM9 and CDM10 completed in the same second.
        save(cdm(10), noon, UnitBlock.of(1_001, 1_100, WIND));
        save(cdm(3), noon.plusSeconds(3600), UnitBlock.of(1, 100, WIND));
        save(cdm(9), noon, UnitBlock.of(2_001, 2_100, BIOGAS));
        save(cdm(20), noon.minusSeconds(3600), UnitBlock.of(3_001, 3_100, WIND));
        bench.cancellations.save(new VoluntaryCancellation(cdm(15), "not completed yet", "", noon, null));

        assertEquals(List.of(cdm(20), cdm(9), cdm(10), cdm(3)),
                bench.cancellations.attestations().stream().map(Attestation::transaction).toList());
    }

    @Test
    void savingACancellationAgainReplacesItAndItsAttestation() {
        VoluntaryCancellation asked = new VoluntaryCancellation(cdm(1), "first purpose", "A", START, null);
        Attestation made = attestation(cdm(1), START.plusSeconds(5), "first purpose", "A", UnitBlock.of(1, 10, WIND));
        bench.cancellations.save(asked.attested(made));

        VoluntaryCancellation changed = new VoluntaryCancellation(cdm(1), "second purpose", "B", START.plusSeconds(1), made);
        bench.cancellations.save(changed);
        assertEquals(Optional.of(changed), bench.cancellations.find(cdm(1)));
        assertEquals("first purpose", bench.cancellations.find(cdm(1)).orElseThrow().attestation().purpose(),
                "the attestation keeps the words it was made with");

        Attestation again = attestation(cdm(1), START.plusSeconds(9), "second purpose", "B", UnitBlock.of(1, 5, WIND));
        bench.cancellations.save(changed.attested(again));
        assertEquals(List.of(again), bench.cancellations.attestations());

        bench.cancellations.save(new VoluntaryCancellation(cdm(1), "second purpose", "B", START, null));
        assertEquals(List.of(), bench.cancellations.attestations());
        assertEquals(null, bench.cancellations.find(cdm(1)).orElseThrow().attestation());
    }

    // ---- temporary holding accounts ----

    @Test
    void aTemporaryHoldingAccountIsFoundAsSavedAndReplaced() {
        AccountRef account = AccountRef.parse("CDM-120-10007-0");
        TemporaryHoldingAccount waiting = new TemporaryHoldingAccount(account, "Gujarat Wind Ltd",
                AccountRef.parse("NZ-121-55-2"));
        bench.temporaryAccounts.save(waiting);
        assertEquals(Optional.of(waiting), bench.temporaryAccounts.find(account));
        assertEquals(Optional.empty(), bench.temporaryAccounts.find(AccountRef.parse("CDM-120-10008-0")));

        TemporaryHoldingAccount redirected = new TemporaryHoldingAccount(account, null, AccountRef.parse("JP-120-7-2"));
        bench.temporaryAccounts.save(redirected);
        assertEquals(Optional.of(new TemporaryHoldingAccount(account, "", AccountRef.parse("JP-120-7-2"))),
                bench.temporaryAccounts.find(account));
        assertEquals(List.of(), bench.temporaryAccounts.forDestinationRegistry(NZ));
        assertEquals(List.of(redirected), bench.temporaryAccounts.forDestinationRegistry(JP));
    }

    @Test
    void theAccountsWaitingForARegistryComeByAccountIdentifier() {
        TemporaryHoldingAccount third = temporary("CDM-120-10030-0", "NZ-121-3-2");
        TemporaryHoldingAccount first = temporary("CDM-120-10010-0", "NZ-121-1-2");
        TemporaryHoldingAccount toJapan = temporary("CDM-120-10020-0", "JP-120-9-2");
        TemporaryHoldingAccount secondA = temporary("CDM-121-10015-0", "NZ-121-2-2");
        TemporaryHoldingAccount secondB = temporary("CDM-120-10015-0", "NZ-121-2-2");
        TemporaryHoldingAccount here = temporary("CDM-120-10040-0", "CDM-120-10050-0");
        for (TemporaryHoldingAccount account : List.of(third, first, toJapan, secondA, secondB, here)) {
            bench.temporaryAccounts.save(account);
        }

        assertEquals(List.of(first, secondA, secondB, third), bench.temporaryAccounts.forDestinationRegistry(NZ),
                "by identifier, and in the order first saved when two share one");
        assertEquals(List.of(toJapan), bench.temporaryAccounts.forDestinationRegistry(JP));
        assertEquals(List.of(here), bench.temporaryAccounts.forDestinationRegistry(CDM));
        assertEquals(List.of(), bench.temporaryAccounts.forDestinationRegistry(RegistryCode.of("CH")));
    }

    // ---- helpers ----

    private void save(TransactionId transaction, Instant completed, UnitBlock block) {
        VoluntaryCancellation asked = new VoluntaryCancellation(transaction, "purpose of " + transaction, "", START, null);
        bench.cancellations.save(asked.attested(attestation(transaction, completed, asked.purpose(), "", block)));
    }

    static Attestation attestation(TransactionId transaction, Instant at, String purpose, String beneficiary,
                                   UnitBlock... blocks) {
        return Attestation.of(transaction, at, PARTICIPANT, CdmAccounts.VOLUNTARY_CANCELLATION, List.of(blocks),
                purpose, beneficiary);
    }

    static TemporaryHoldingAccount temporary(String account, String destination) {
        return new TemporaryHoldingAccount(AccountRef.parse(account), "holder of " + account, AccountRef.parse(destination));
    }

    static TransactionId cdm(long sequence) {
        return TransactionId.of(CDM, sequence);
    }
}
