package org.itlgateway.core.cdm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.fixtures.InMemoryFacts;
import org.itlgateway.core.fixtures.RegistryNode;
import org.itlgateway.core.fixtures.TestClock;
import org.itlgateway.core.fixtures.TrackedTransactions;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.holding.Ledger;
import org.itlgateway.core.lifecycle.NotificationOutcome;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.project.Project;
import org.itlgateway.core.project.ProjectCategory;
import org.itlgateway.core.registry.Registry;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.registry.RegistryStatus;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitBlock;

/**
 * The CDM registry on facts in memory, with a few demo projects, a Japanese registry to transfer to, and a clock
 * the test moves.
 */
final class CdmWorld {

    static final RegistryCode JP = RegistryCode.of("JP");
    static final RegistryCode NZ = RegistryCode.of("NZ");

    /** Wind power in India: pays the share of proceeds. */
    static final long WIND_INDIA = 1234;
    /** Biogas in Cambodia, a least-developed country: no share of proceeds. */
    static final long BIOGAS_CAMBODIA = 5678;
    /** Reforestation in Colombia: tCERs and lCERs. */
    static final long REFORESTATION_COLOMBIA = 9999;
    /** Carbon capture and storage in Malaysia. */
    static final long CCS_MALAYSIA = 4242;

    final TestClock clock;
    final InMemoryFacts facts = new InMemoryFacts();
    final TrackedTransactions transactions = new TrackedTransactions(facts);
    final InMemoryCdmRecords records = new InMemoryCdmRecords();
    final CdmFacts cdmFacts;
    final CdmRegistry cdm;
    final RegistryNode japan;
    final AccountRef japanHolding;

    CdmWorld() {
        this(TestClock.at("2012-06-01T08:00:00Z"));
    }

    CdmWorld(TestClock clock) {
        this.clock = clock;
        facts.save(new Project(WIND_INDIA, "Bundled wind power, Gujarat", RegistryCode.of("IN"), false,
                ProjectCategory.OTHER, null, false, LocalDate.parse("2006-03-10")));
        facts.save(new Project(BIOGAS_CAMBODIA, "Household biogas, Cambodia", RegistryCode.of("KH"), true,
                ProjectCategory.OTHER, null, false, LocalDate.parse("2010-11-02")));
        facts.save(new Project(REFORESTATION_COLOMBIA, "Reforestation of degraded land, Colombia", RegistryCode.of("CO"),
                false, ProjectCategory.AFFORESTATION_REFORESTATION, null, false, LocalDate.parse("2009-04-20")));
        facts.save(new Project(CCS_MALAYSIA, "Gas field CO2 storage, Malaysia", RegistryCode.of("MY"), false,
                ProjectCategory.CARBON_CAPTURE_AND_STORAGE, BigDecimal.ZERO, false, LocalDate.parse("2012-01-15")));
        facts.save(new Registry(JP, "Japan", RegistryStatus.OPERATING, false));
        facts.save(new Registry(NZ, "New Zealand", RegistryStatus.NOT_CONNECTED, false));
        cdmFacts = new CdmFacts(transactions, transactions, facts.ledger(), facts, facts, facts.notices(), facts, facts,
                records.issuances(), records.tallies(), records.voluntaryCancellations(), records.temporaryHoldingAccounts());
        cdm = CdmRegistry.open(cdmFacts, clock);
        japan = new RegistryNode(JP, clock);
        japanHolding = japan.open(AccountType.PARTY_HOLDING, 1);
    }

    Ledger ledger() {
        return facts.ledger();
    }

    Transaction transaction(TransactionId id) {
        return transactions.find(id).orElseThrow();
    }

    long held(AccountRef account) {
        return ledger().quantityHeldBy(account);
    }

    List<HeldBlock> holdings() {
        return facts.store().all();
    }

    /** The log checks a transaction without discrepancy (status 2). */
    NotificationOutcome check(ProposalOutcome outcome) {
        assertTrue(outcome.isRecorded(), () -> "not recorded: " + outcome.refusals());
        return cdm.notify(outcome.transaction().id(), TransactionStatus.CHECKED_NO_DISCREPANCY);
    }

    /** Issues CERs and lets the log check the issuance; the share of proceeds is proposed, not yet checked. */
    Issuance issued(long projectId, long quantity) {
        ProposalOutcome issuance = cdm.issue(IssuanceRequest.cers(projectId, CommitmentPeriod.CP1, quantity));
        assertTrue(check(issuance).completed());
        return records.issuances().find(issuance.transaction().id()).orElseThrow();
    }

    /** Issues CERs, and completes the share of proceeds when one is owed. */
    Issuance issuedAndShared(long projectId, long quantity) {
        Issuance issuance = issued(projectId, quantity);
        if (issuance.shareOfProceedsTransaction() != null) {
            assertTrue(cdm.notify(issuance.shareOfProceedsTransaction(), TransactionStatus.CHECKED_NO_DISCREPANCY).completed());
        }
        return records.issuances().find(issuance.transaction()).orElseThrow();
    }

    /** The first free units of a project in an account. */
    List<UnitBlock> units(AccountRef account, long projectId, long quantity) {
        return cdm.freeUnits(account, projectId, quantity).orElseThrow(() -> new AssertionError(
                "fewer than " + quantity + " free units of project " + projectId + " in " + account));
    }
}
