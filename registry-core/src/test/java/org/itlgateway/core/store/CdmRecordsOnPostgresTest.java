package org.itlgateway.core.store;

import static org.itlgateway.core.store.CdmRecordsOnEveryStoreTest.attestation;
import static org.itlgateway.core.store.CdmRecordsOnEveryStoreTest.cdm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.cdm.Issuance;
import org.itlgateway.core.cdm.ProjectTally;
import org.itlgateway.core.cdm.ProjectTally.Measure;
import org.itlgateway.core.cdm.TemporaryHoldingAccount;
import org.itlgateway.core.cdm.VoluntaryCancellation;
import org.itlgateway.core.store.sql.PostgresIssuances;
import org.itlgateway.core.store.sql.PostgresProjectTallies;
import org.itlgateway.core.store.sql.PostgresTemporaryHoldingAccounts;
import org.itlgateway.core.store.sql.PostgresVoluntaryCancellations;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What only the CDM records on PostgreSQL do: refuse impossible records, take turns on tallies, roll back. */
class CdmRecordsOnPostgresTest {

    private static final UnitAttributes WIND = UnitAttributes.cer(1234, CommitmentPeriod.CP1);
    private static final Instant START = Instant.parse("2012-06-01T08:00:00Z");

    private static Database database;
    private static PostgresIssuances issuances;
    private static PostgresProjectTallies tallies;
    private static PostgresVoluntaryCancellations cancellations;
    private static PostgresTemporaryHoldingAccounts temporaryAccounts;

    @BeforeAll
    static void open() {
        database = TestPostgres.open();
        issuances = new PostgresIssuances(database);
        tallies = new PostgresProjectTallies(database);
        cancellations = new PostgresVoluntaryCancellations(database);
        temporaryAccounts = new PostgresTemporaryHoldingAccounts(database);
    }

    @AfterAll
    static void drop() {
        TestPostgres.drop(database);
    }

    @Test
    void theDatabaseRefusesASerialNumberIssuedTwice() {
        issuances.save(Issuance.completed(cdm(100), UnitBlock.of(1_000_001, 1_001_000, WIND), 20));
        RuntimeException refused = assertThrows(RuntimeException.class, () ->
                issuances.save(Issuance.completed(cdm(101), UnitBlock.of(1_000_500, 1_002_000, WIND), 30)));
        assertEquals("23P01", sqlState(refused), "exclusion_violation");
        assertEquals(Optional.empty(), issuances.find(cdm(101)));
    }

    @Test
    void theDatabaseRefusesOneShareOfProceedsTransactionForTwoIssuances() {
        issuances.save(Issuance.completed(cdm(200), UnitBlock.of(2_000_001, 2_001_000, WIND), 20)
                .withShareOfProceedsTransaction(cdm(202)));
        Issuance other = Issuance.completed(cdm(201), UnitBlock.of(2_001_001, 2_002_000, WIND), 20);
        RuntimeException refused = assertThrows(RuntimeException.class, () ->
                issuances.save(other.withShareOfProceedsTransaction(cdm(202))));
        assertEquals("23505", sqlState(refused), "unique_violation");
    }

    @Test
    void anAttestationOfAnotherTransactionIsRefused() {
        VoluntaryCancellation asked = new VoluntaryCancellation(cdm(300), "p", "b", START, null);
        assertThrows(IllegalArgumentException.class, () -> cancellations.save(asked.attested(
                attestation(cdm(301), START, "p", "b", UnitBlock.of(1, 10, WIND)))));
        assertEquals(Optional.empty(), cancellations.find(cdm(300)));
    }

    @Test
    void recordsWrittenByAUnitOfWorkThatFailsAreNotKept() {
        AccountRef account = AccountRef.parse("CDM-120-40001-0");
        assertThrows(IllegalStateException.class, () -> database.run(() -> {
            issuances.save(Issuance.completed(cdm(400), UnitBlock.of(4_000_001, 4_001_000, WIND), 20));
            tallies.save(ProjectTally.empty(4000).plus(Measure.ISSUED, 1_000));
            VoluntaryCancellation asked = new VoluntaryCancellation(cdm(401), "p", "b", START, null);
            cancellations.save(asked.attested(attestation(cdm(401), START, "p", "b", UnitBlock.of(1, 10, WIND))));
            temporaryAccounts.save(new TemporaryHoldingAccount(account, "x", AccountRef.parse("NZ-121-1-2")));
            throw new IllegalStateException("the transaction's completion failed after the records were written");
        }));
        assertEquals(Optional.empty(), issuances.find(cdm(400)));
        assertEquals(Optional.empty(), tallies.find(4000));
        assertEquals(Optional.empty(), cancellations.find(cdm(401)));
        assertEquals(Optional.empty(), temporaryAccounts.find(account));
    }

    @Test
    void unitsOfWorkAddingToOneProjectsTallyTakeTurnsAndLoseNothing() throws Exception {
        long project = 777;
        int writers = 6;
        int rounds = 15;
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                done.add(threads.submit(() -> {
                    TransactionsTest.await(start);
                    for (int r = 0; r < rounds; r++) {
                        database.run(() -> tallies.save(
                                tallies.find(project).orElse(ProjectTally.empty(project)).plus(Measure.ISSUED, 1)));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals((long) writers * rounds, tallies.find(project).orElseThrow().issued());
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        assertTrue(false, "no SQL exception behind " + failure);
        return null;
    }
}
