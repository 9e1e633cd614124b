package org.itlgateway.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.cdm.Attestation;
import org.itlgateway.core.cdm.AttestationVerification;
import org.itlgateway.core.cdm.CdmAccounts;
import org.itlgateway.core.cdm.CdmFacts;
import org.itlgateway.core.cdm.CdmRegistry;
import org.itlgateway.core.cdm.Issuance;
import org.itlgateway.core.cdm.IssuanceReportLine;
import org.itlgateway.core.cdm.IssuanceRequest;
import org.itlgateway.core.fixtures.TestClock;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.lifecycle.NotificationOutcome;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.project.Project;
import org.itlgateway.core.project.ProjectCategory;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CDM registry's story with every fact on PostgreSQL: issuance, share of proceeds, forwarding and voluntary
 * cancellation with its attestation; then the node restarts on the same schema and finds its issuance report
 * and the attestation again.
 */
class CdmStoryOnPostgresTest {

    private static final long WIND_INDIA = 1234;
    private static final UnitAttributes WIND_CERS = UnitAttributes.cer(WIND_INDIA, CommitmentPeriod.CP1);
    private static final String PURPOSE = "Offsetting the travel emissions of the 2012 Example Conference";
    private static final String BENEFICIARY = "Example Conference Ltd";

    private final TestClock clock = TestClock.at("2012-06-01T08:00:00Z");
    private Database database;
    private CdmFacts facts;
    private CdmRegistry cdm;

    @BeforeEach
    void open() {
        database = TestPostgres.open();
        facts = CdmStores.facts(database);
        facts.projects().save(new Project(WIND_INDIA, "Bundled wind power, Gujarat", RegistryCode.of("IN"), false,
                ProjectCategory.OTHER, null, false, LocalDate.parse("2006-03-10")));
        cdm = inUnitOfWork(() -> CdmRegistry.open(facts, clock));
    }

    @AfterEach
    void drop() {
        TestPostgres.drop(database);
    }

    @Test
    void theStoryRunsOnPostgresAndItsRecordsOutliveARestart() {
        ProposalOutcome issuance = inUnitOfWork(() -> cdm.issue(IssuanceRequest.cers(WIND_INDIA, CommitmentPeriod.CP1, 10_000)));
        assertTrue(issuance.isRecorded(), () -> issuance.refusals().toString());
        assertEquals(0, held(CdmAccounts.PENDING), "nothing exists before the log's check");

        NotificationOutcome issued = check(issuance.transaction().id());
        assertTrue(issued.completed());
        Proposal share = issued.followUps().get(0);
        assertEquals(SupplementaryType.SHARE_OF_PROCEEDS_AT_ISSUANCE, share.kind().orElseThrow());
        assertEquals(List.of(UnitBlock.of(12_340_000_000_001L, 12_340_000_000_200L, WIND_CERS)), share.blocks());
        assertEquals(List.of(
                HeldBlock.free(UnitBlock.of(12_340_000_000_001L, 12_340_000_000_200L, WIND_CERS), CdmAccounts.PENDING)
                        .reservedFor(share.id()),
                HeldBlock.free(UnitBlock.of(12_340_000_000_201L, 12_340_000_010_000L, WIND_CERS), CdmAccounts.PENDING)),
                facts.ledger().heldBy(CdmAccounts.PENDING), "the share of proceeds (2%) is reserved at once");
        assertEquals(List.of(200L), cdm.reports().shareOfProceedsOwed().stream()
                .map(Issuance::shareOfProceedsQuantity).toList());

        assertTrue(check(share.id()).completed());
        assertEquals(200, held(CdmAccounts.ADAPTATION_FUND));
        assertEquals(9_800, held(CdmAccounts.PENDING));
        assertEquals(List.of(), cdm.reports().shareOfProceedsOwed());

        AccountRef participant = inUnitOfWork(() -> cdm.openHoldingAccount(AccountType.ENTITY_HOLDING, "Gujarat Wind Ltd"));
        ProposalOutcome forwarding = inUnitOfWork(() -> cdm.forward(participant,
                cdm.freeUnits(CdmAccounts.PENDING, WIND_INDIA, 6_000).orElseThrow()));
        assertEquals(SupplementaryType.FORWARDING_FROM_PENDING, forwarding.transaction().proposal().kind().orElseThrow());
        assertTrue(check(forwarding.transaction().id()).completed());
        assertEquals(6_000, held(participant));
        assertEquals(3_800, held(CdmAccounts.PENDING));

        clock.advance(Duration.ofDays(30));
        ProposalOutcome cancellation = inUnitOfWork(() -> cdm.cancelVoluntarily(participant,
                cdm.freeUnits(participant, WIND_INDIA, 1_500).orElseThrow(), PURPOSE, BENEFICIARY));
        TransactionId cancelled = cancellation.transaction().id();
        assertTrue(check(cancelled).completed());

        Attestation attestation = cdm.attestationOf(cancelled).orElseThrow();
        assertEquals(1_500, attestation.quantity());
        assertEquals(List.of(UnitBlock.of(12_340_000_000_201L, 12_340_000_001_700L, WIND_CERS)), attestation.blocks());
        assertEquals(participant, attestation.cancelledFrom());
        assertEquals(CdmAccounts.VOLUNTARY_CANCELLATION, attestation.cancellationAccount());
        assertEquals(Instant.parse("2012-07-01T08:00:00Z"), attestation.cancelledAt());
        assertEquals(BENEFICIARY, attestation.beneficiary());
        String certificate = attestation.render();
        assertTrue(certificate.contains("ATTESTATION OF VOLUNTARY CANCELLATION"), certificate);
        assertTrue(certificate.contains("Transaction:      " + cancelled), certificate);
        assertTrue(certificate.contains("12340000000201 - 12340000001700"), certificate);
        assertTrue(certificate.contains("1,500 units"), certificate);
        assertTrue(certificate.contains(PURPOSE), certificate);
        assertTrue(certificate.contains(attestation.fingerprint()), certificate);
        assertValid(verify(attestation));

        Attestation tampered = new Attestation(attestation.transaction(), attestation.cancelledAt(),
                attestation.cancelledFrom(), attestation.cancellationAccount(), attestation.blocks(),
                attestation.purpose(), "Somebody Else plc", attestation.fingerprint());
        assertFalse(verify(tampered).valid());

        IssuanceReportLine line = new IssuanceReportLine(WIND_INDIA, "Bundled wind power, Gujarat",
                RegistryCode.of("IN"), false, 10_000, 200, 0, 6_000, 0, 1_500, 0, 0, 3_800);
        assertEquals(List.of(line), cdm.reports().issuanceByProject());
        assertEquals(List.of(attestation), cdm.reports().voluntaryCancellations());

        restart();

        assertEquals(List.of(line), cdm.reports().issuanceByProject(), "the issuance report survives the restart");
        Attestation again = cdm.attestationOf(cancelled).orElseThrow();
        assertEquals(attestation, again);
        assertEquals(certificate, again.render());
        assertTrue(again.fingerprintMatches());
        assertValid(verify(again));
        assertEquals(List.of(attestation), cdm.reports().voluntaryCancellations());
        assertEquals(List.of(), cdm.reports().shareOfProceedsOwed());
        Issuance settled = facts.issuances().find(issuance.transaction().id()).orElseThrow();
        assertEquals(share.id(), settled.shareOfProceedsTransaction());
        assertTrue(settled.shareOfProceedsSettled());
    }

    @Test
    void anIssuanceCheckedBeforeARestartProposesItsShareOnlyOnceAndCompletesItAfter() {
        ProposalOutcome issuance = inUnitOfWork(() -> cdm.issue(IssuanceRequest.cers(WIND_INDIA, CommitmentPeriod.CP1, 500)));
        Proposal share = check(issuance.transaction().id()).followUps().get(0);

        restart();

        assertEquals(List.of(10L), cdm.reports().shareOfProceedsOwed().stream()
                .map(Issuance::shareOfProceedsQuantity).toList(), "the share still owed is known after the restart");
        assertTrue(inUnitOfWork(() -> cdm.transferShareOfProceeds(issuance.transaction().id())).isRefused(),
                "the 3-47 transaction proposed before the restart still carries it");
        assertTrue(check(share.id()).completed());
        assertEquals(10, held(CdmAccounts.ADAPTATION_FUND));
        assertEquals(List.of(), cdm.reports().shareOfProceedsOwed());
        assertEquals(10, cdm.reports().issuanceByProject().get(0).shareOfProceeds());
    }

    /** Closes the database and opens it again on the same schema, with a new registry over it. */
    private void restart() {
        DatabaseSettings settings = database.settings();
        database.close();
        database = Database.start(settings);
        facts = CdmStores.facts(database);
        cdm = inUnitOfWork(() -> CdmRegistry.open(facts, clock));
    }

    /** The log checks a transaction without discrepancy (status 2), as its notification would say. */
    private NotificationOutcome check(TransactionId transaction) {
        return inUnitOfWork(() -> cdm.notify(transaction, TransactionStatus.CHECKED_NO_DISCREPANCY));
    }

    private AttestationVerification verify(Attestation attestation) {
        return inUnitOfWork(() -> cdm.verify(attestation));
    }

    private static void assertValid(AttestationVerification verification) {
        assertTrue(verification.valid(), () -> verification.problems().toString());
    }

    private long held(AccountRef account) {
        return facts.ledger().quantityHeldBy(account);
    }

    private <T> T inUnitOfWork(Supplier<T> work) {
        return database.call(work);
    }
}
