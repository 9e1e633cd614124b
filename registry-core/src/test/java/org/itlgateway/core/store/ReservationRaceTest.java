package org.itlgateway.core.store;

import static org.itlgateway.core.store.LedgerOnEveryStoreTest.CER;
import static org.itlgateway.core.store.LedgerOnEveryStoreTest.HOLDER_A;
import static org.itlgateway.core.store.LedgerOnEveryStoreTest.PENDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.holding.Ledger;
import org.itlgateway.core.holding.LedgerOutcome;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.store.sql.PostgresHoldings;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Two database transactions that want the same units at the same moment are applied one after the other: the
 * first gets them, the second is refused with 3011 (units reserved) and changes nothing.
 */
class ReservationRaceTest {

    private static final Instant ISSUED = Instant.parse("2022-05-01T08:00:00Z");

    private static Database database;
    private static PostgresHoldings holdings;
    private static Ledger ledger;
    private static ExecutorService threads;

    @BeforeAll
    static void open() {
        database = TestPostgres.open();
        holdings = new PostgresHoldings(database);
        ledger = new Ledger(holdings);
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void close() {
        threads.shutdownNow();
        TestPostgres.drop(database);
    }

    @RepeatedTest(value = 25, name = "race {currentRepetition} of {totalRepetitions}")
    void twoTransactionsReservingTheSameUnitsAtOnceNeverBothGetThem(RepetitionInfo repetition) throws Exception {
        int round = repetition.getCurrentRepetition();
        long base = round * 1_000L;
        UnitBlock issued = UnitBlock.of(base + 1, base + 100, CER);
        // Alternate: the very same units, or overlapping ones; reserved a second after issuance, or at that instant.
        UnitBlock wantedByA = round % 2 == 0 ? issued : UnitBlock.of(base + 1, base + 60, CER);
        UnitBlock wantedByB = round % 2 == 0 ? issued : UnitBlock.of(base + 41, base + 100, CER);
        Instant reservedAt = round % 3 == 0 ? ISSUED : ISSUED.plusSeconds(1);
        database.run(() -> ledger.issue(PENDING, List.of(issued), ISSUED));

        TransactionId a = TransactionId.of(RegistryCode.CDM, base + 1);
        TransactionId b = TransactionId.of(RegistryCode.CDM, base + 2);
        CyclicBarrier together = new CyclicBarrier(2);
        Future<LedgerOutcome> byA = threads.submit(() -> database.call(() -> {
            TransactionsTest.await(together);
            return ledger.reserve(a, List.of(wantedByA), block -> PENDING, reservedAt);
        }));
        Future<LedgerOutcome> byB = threads.submit(() -> database.call(() -> {
            TransactionsTest.await(together);
            return ledger.reserve(b, List.of(wantedByB), block -> PENDING, reservedAt);
        }));
        LedgerOutcome outcomeA = byA.get(30, TimeUnit.SECONDS);
        LedgerOutcome outcomeB = byB.get(30, TimeUnit.SECONDS);

        assertTrue(outcomeA.isApplied() ^ outcomeB.isApplied(), "exactly one wins: " + outcomeA + " / " + outcomeB);
        boolean aWon = outcomeA.isApplied();
        LedgerOutcome loser = aWon ? outcomeB : outcomeA;
        UnitBlock lost = aWon ? wantedByB : wantedByA;
        assertEquals(List.of(EvaluationResult.of(ResponseCode.UNITS_RESERVED, List.of(lost.id()),
                ResponseCode.UNITS_RESERVED.meaning())), loser.refusals());
        assertEachSerialHeldOnce(issued.id(), aWon ? a : b, aWon ? wantedByA : wantedByB);
    }

    @Test
    void aReservationWaitingForUnitsLockedByAnotherSeesThemReservedOnceItCommits() throws Exception {
        UnitBlock issued = UnitBlock.of(900_001, 900_100, CER);
        database.run(() -> ledger.issue(PENDING, List.of(issued), ISSUED));
        TransactionId first = TransactionId.of(RegistryCode.CDM, 900_001);
        TransactionId second = TransactionId.of(RegistryCode.CDM, 900_002);
        CountDownLatch reservedByFirst = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        int[] firstBackend = new int[1];

        Future<LedgerOutcome> byFirst = threads.submit(() -> database.call(() -> {
            LedgerOutcome outcome = ledger.reserve(first, List.of(issued), block -> PENDING, ISSUED.plusSeconds(1));
            firstBackend[0] = database.session().doReturningWork(ReservationRaceTest::backendPid);
            reservedByFirst.countDown();
            awaitLatch(commitFirst);
            return outcome;
        }));
        awaitLatch(reservedByFirst);
        Future<LedgerOutcome> bySecond = threads.submit(() -> database.call(
                () -> ledger.reserve(second, List.of(issued), block -> PENDING, ISSUED.plusSeconds(2))));

        awaitBlockedBy(firstBackend[0]);
        assertFalse(bySecond.isDone(), "the second waits for the first's locks");
        commitFirst.countDown();

        assertTrue(byFirst.get(30, TimeUnit.SECONDS).isApplied());
        assertEquals(List.of(ResponseCode.UNITS_RESERVED),
                bySecond.get(30, TimeUnit.SECONDS).refusals().stream().map(EvaluationResult::code).toList());
        assertEachSerialHeldOnce(issued.id(), first, issued);
    }

    @RepeatedTest(value = 10, name = "issuance race {currentRepetition} of {totalRepetitions}")
    void twoIssuancesOfTheSameSerialNumbersAtOnceLetOnlyOneIn(RepetitionInfo repetition) throws Exception {
        long base = 500_000 + repetition.getCurrentRepetition() * 1_000L;
        UnitBlock block = UnitBlock.of(base + 1, base + 100, CER);
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<LedgerOutcome>> issuers = new ArrayList<>();
        for (AccountRef into : List.of(PENDING, HOLDER_A)) {
            issuers.add(threads.submit(() -> database.call(() -> {
                TransactionsTest.await(together);
                return ledger.issue(into, List.of(block), ISSUED);
            })));
        }
        int applied = 0;
        for (Future<LedgerOutcome> issuer : issuers) {
            try {
                LedgerOutcome outcome = issuer.get(30, TimeUnit.SECONDS);
                if (outcome.isApplied()) {
                    applied++;
                } else {
                    assertEquals(ResponseCode.SERIALS_ALREADY_ISSUED, outcome.refusals().get(0).code());
                }
            } catch (ExecutionException e) {
                // Both checked before either inserted: the database refused the second insert, by the constraint or,
                // when each insert waited on the other's, by breaking the deadlock (the gateway takes such work again).
                String refusal = String.valueOf(e.getCause()) + " " + String.valueOf(e.getCause().getCause());
                assertTrue(refusal.contains("held_pieces_serials_held_once") || refusal.contains("deadlock detected"), e.toString());
            }
        }
        assertEquals(1, applied, "exactly one issuance is kept");
        List<HeldBlock> held = database.call(() -> holdings.holdersOf(block.id()));
        assertEquals(1, held.size(), held.toString());
        assertEquals(block, held.get(0).block());
    }

    /** The units of {@code issued} are each in exactly one current piece; the winner's are reserved by it, the rest free. */
    private static void assertEachSerialHeldOnce(UnitBlockId issued, TransactionId winner, UnitBlock won) {
        List<HeldBlock> pieces = database.call(() -> holdings.holdersOf(issued));
        long next = issued.range().start();
        for (HeldBlock piece : pieces) {
            assertEquals(next, piece.range().start(), "no gap and no overlap: " + pieces);
            next = piece.range().end() + 1;
            boolean inWon = won.range().contains(piece.range());
            assertEquals(inWon ? winner : null, piece.reservedBy(), pieces.toString());
            assertEquals(PENDING, piece.account());
        }
        assertEquals(issued.range().end() + 1, next, "every serial is held: " + pieces);
    }

    private static void awaitBlockedBy(int backend) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement blocked = connection.prepareStatement(
                     "SELECT count(*) FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))")) {
            blocked.setInt(1, backend);
            while (System.nanoTime() < deadline) {
                try (ResultSet count = blocked.executeQuery()) {
                    count.next();
                    if (count.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.onSpinWait();
            }
        }
        fail("the second reservation never waited for the first");
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_backend_pid()");
             ResultSet pid = statement.executeQuery()) {
            pid.next();
            return pid.getInt(1);
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting for the other thread");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
