package org.itlgateway.core.store;

import static org.itlgateway.core.store.LedgerOnEveryStoreTest.CANCELLATION;
import static org.itlgateway.core.store.LedgerOnEveryStoreTest.CER;
import static org.itlgateway.core.store.LedgerOnEveryStoreTest.HOLDER_A;
import static org.itlgateway.core.store.LedgerOnEveryStoreTest.HOLDER_B;
import static org.itlgateway.core.store.LedgerOnEveryStoreTest.PENDING;
import static org.itlgateway.core.store.LedgerOnEveryStoreTest.free;
import static org.itlgateway.core.store.LedgerOnEveryStoreTest.reserved;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.holding.HoldingTotal;
import org.itlgateway.core.holding.Ledger;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.store.sql.PostgresHoldings;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.LulucfActivity;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reconciliation reads the holdings as they were at the snapshot time, whatever happened since. */
class HoldingSnapshotsTest {

    private static final RegistryCode CDM = RegistryCode.CDM;
    private static final Instant T0 = Instant.parse("2023-02-01T00:00:00Z");
    private static final TransactionId FORWARDING = TransactionId.of(CDM, 1);
    private static final TransactionId TRANSFER = TransactionId.of(CDM, 2);

    private static Database database;
    private static PostgresHoldings holdings;
    private static Ledger ledger;

    @BeforeAll
    static void open() {
        database = TestPostgres.open();
        holdings = new PostgresHoldings(database);
        ledger = new Ledger(holdings);
    }

    @AfterAll
    static void drop() {
        TestPostgres.drop(database);
    }

    @BeforeEach
    void empty() throws SQLException {
        execute("TRUNCATE held_pieces");
    }

    @Test
    void aSnapshotShowsThePiecesHeldAtThatMomentAndIgnoresLaterChanges() {
        database.run(() -> ledger.issue(PENDING, List.of(UnitBlock.of(1, 100, CER)), at(1)));
        database.run(() -> ledger.reserve(FORWARDING, List.of(UnitBlock.of(1, 40, CER)), b -> PENDING, at(2)));
        database.run(() -> ledger.moveReserved(FORWARDING, HOLDER_A, at(3)));
        List<HeldBlock> atThree = snapshot(at(3));
        List<HoldingTotal> totalsAtThree = holdings.totalsAsOf(CDM, at(3));

        database.run(() -> ledger.reserve(TRANSFER, List.of(UnitBlock.of(41, 60, CER)), b -> PENDING, at(4)));
        database.run(() -> ledger.debitReserved(TRANSFER, at(5)));
        database.run(() -> ledger.issue(PENDING, List.of(UnitBlock.of(101, 150, CER)), at(6)));

        assertEquals(atThree, snapshot(at(3)), "later changes leave the snapshot alone");
        assertEquals(totalsAtThree, holdings.totalsAsOf(CDM, at(3)));
        assertEquals(List.of(), snapshot(at(0)));
        assertEquals(List.of(free(1, 100, CER, PENDING)), snapshot(at(1)));
        assertEquals(List.of(reserved(1, 40, CER, PENDING, FORWARDING), free(41, 100, CER, PENDING)), snapshot(at(2)));
        assertEquals(List.of(free(1, 40, CER, HOLDER_A), free(41, 100, CER, PENDING)), atThree);
        assertEquals(List.of(free(1, 40, CER, HOLDER_A), reserved(41, 60, CER, PENDING, TRANSFER),
                free(61, 100, CER, PENDING)), snapshot(at(4)));
        assertEquals(List.of(free(1, 40, CER, HOLDER_A), free(61, 150, CER, PENDING)), snapshot(at(6)));
        assertEquals(List.of(total(AccountType.PENDING, null, 0, UnitType.CER, 0, 90),
                        total(AccountType.ENTITY_HOLDING, null, 0, UnitType.CER, 0, 40)),
                holdings.totalsAsOf(CDM, at(6)));
    }

    @Test
    void totalsAreGroupedByAccountTypeAccountPeriodUnitTypeAndSupplementaryUnitType() {
        UnitAttributes tcer = new UnitAttributes(CDM, UnitType.TCER, 0, CommitmentPeriod.CP1, CommitmentPeriod.CP1,
                LulucfActivity.AFFORESTATION_AND_REFORESTATION, 77L, null, LocalDate.of(2017, 12, 31));
        UnitAttributes cerSupp = new UnitAttributes(CDM, UnitType.CER, 2, CommitmentPeriod.CP2, CommitmentPeriod.CP2,
                null, 1234L, null, null);
        AccountRef holderInCp2 = AccountRef.parse("CDM-120-1003-2");
        database.run(() -> {
            ledger.credit(HOLDER_A, List.of(UnitBlock.of(1, 10, CER), UnitBlock.of(21, 25, tcer)), at(1));
            ledger.credit(HOLDER_B, List.of(UnitBlock.of(31, 33, CER), UnitBlock.of(41, 47, cerSupp)), at(1));
            ledger.credit(holderInCp2, List.of(UnitBlock.of(51, 52, CER)), at(1));
            ledger.credit(CANCELLATION, List.of(UnitBlock.of(61, 160, CER)), at(1));
            ledger.credit(PENDING, List.of(UnitBlock.of(201, 1200, CER)), at(1));
            // Held by another registry's account: not part of the CDM registry's totals.
            ledger.credit(AccountRef.parse("JP-120-9-2"), List.of(UnitBlock.of(301, 400, CER.withApplicablePeriod(
                    CommitmentPeriod.CP2))), at(1));
        });

        assertEquals(List.of(
                total(AccountType.PENDING, null, 0, UnitType.CER, 0, 1000),
                total(AccountType.ENTITY_HOLDING, null, 0, UnitType.CER, 0, 13),
                total(AccountType.ENTITY_HOLDING, null, 0, UnitType.CER, 2, 7),
                total(AccountType.ENTITY_HOLDING, null, 0, UnitType.TCER, 0, 5),
                total(AccountType.ENTITY_HOLDING, null, 2, UnitType.CER, 0, 2),
                total(AccountType.VOLUNTARY_CANCELLATION, null, 0, UnitType.CER, 0, 100)),
                holdings.totalsAsOf(CDM, at(1)));
        assertEquals(List.of(
                total(AccountType.PENDING, 1L, 0, UnitType.CER, 0, 1000),
                total(AccountType.ENTITY_HOLDING, 1001L, 0, UnitType.CER, 0, 10),
                total(AccountType.ENTITY_HOLDING, 1002L, 0, UnitType.CER, 0, 3),
                total(AccountType.ENTITY_HOLDING, 1002L, 0, UnitType.CER, 2, 7),
                total(AccountType.ENTITY_HOLDING, 1001L, 0, UnitType.TCER, 0, 5),
                total(AccountType.ENTITY_HOLDING, 1003L, 2, UnitType.CER, 0, 2),
                total(AccountType.VOLUNTARY_CANCELLATION, 5L, 0, UnitType.CER, 0, 100)),
                holdings.accountTotalsAsOf(CDM, at(1)));
        assertEquals(List.of(), holdings.totalsAsOf(CDM, at(0)));
    }

    @Test
    void aSnapshotOfManyPiecesIsStreamedInSerialOrder() throws SQLException {
        int pieces = 20_000;
        // Every other serial, so no two pieces merge: 20,000 pieces of one unit each.
        execute("INSERT INTO held_pieces (originating_registry, serial_start, serial_end, unit_type, supp_unit_type,"
                + " original_period, applicable_period, project_id, account_registry, account_type, account_identifier,"
                + " account_period, valid_from)"
                + " SELECT 'CDM', 2 * n, 2 * n, 5, 0, 2, 2, 1234, 'CDM', 110, 1, 0, '" + at(1) + "'"
                + " FROM generate_series(1, " + pieces + ") AS n");
        long[] seen = {0, 0};
        holdings.holdingsAsOf(CDM, at(2), piece -> {
            assertTrue(piece.range().start() > seen[1], "in serial order");
            seen[1] = piece.range().start();
            seen[0]++;
        });
        assertEquals(pieces, seen[0]);
        assertEquals(2L * pieces, seen[1]);
    }

    @Test
    void piecesPutInAndTakenOutAtTheSameInstantLeaveNoHistory() throws SQLException {
        database.run(() -> ledger.issue(PENDING, List.of(UnitBlock.of(1, 100, CER)), at(1)));
        database.run(() -> {
            ledger.reserve(FORWARDING, List.of(UnitBlock.of(11, 20, CER)), b -> PENDING, at(2));
            ledger.release(FORWARDING, at(2));
        });
        assertEquals(List.of(free(1, 100, CER, PENDING)), snapshot(at(2)));
        assertEquals(List.of(free(1, 100, CER, PENDING)), snapshot(at(1)));
        // The issued piece, closed at 2, and the piece made whole again at 2; the split parts left no trace.
        assertEquals(2, count("SELECT count(*) FROM held_pieces"));
    }

    private static List<HeldBlock> snapshot(Instant at) {
        List<HeldBlock> pieces = new ArrayList<>();
        holdings.holdingsAsOf(CDM, at, pieces::add);
        return pieces;
    }

    private static HoldingTotal total(AccountType type, Long account, int period, UnitType unitType, int supp, long units) {
        return new HoldingTotal(type, account, CommitmentPeriod.fromCode(period), unitType, supp, units);
    }

    private static Instant at(int second) {
        return T0.plusSeconds(second);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery(sql)) {
            count.next();
            return count.getLong(1);
        }
    }
}
