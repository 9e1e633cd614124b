package org.itlgateway.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.itlgateway.core.registry.Registry;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.registry.RegistryStatus;
import org.itlgateway.core.store.jpa.PostgresRegistries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    private static Database database;
    private static PostgresRegistries registries;

    @BeforeAll
    static void open() {
        database = TestPostgres.open();
        registries = new PostgresRegistries(database);
    }

    @AfterAll
    static void drop() {
        TestPostgres.drop(database);
    }

    @Test
    void everyPooledConnectionCommitsSynchronously() throws SQLException {
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                connections.add(database.dataSource().getConnection());
            }
            for (Connection connection : connections) {
                assertEquals("on", show(connection, "synchronous_commit"));
            }
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    @Test
    void aUnitOfWorkCommitsSynchronously() {
        String setting = database.call(() -> database.session().doReturningWork(c -> show(c, "synchronous_commit")));
        assertEquals("on", setting);
    }

    @Test
    void migrationsPutEveryTableInTheNodesSchema() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = '" + database.schema() + "' ORDER BY table_name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        assertTrue(tables.containsAll(List.of("accounts", "evaluation_result_blocks", "evaluation_results",
                "held_pieces", "notice_blocks", "notices", "projects", "registries", "sequence_counters",
                "transaction_block_accounts", "transaction_blocks", "transaction_status_changes", "transactions",
                "flyway_schema_history")), tables.toString());
    }

    @Test
    void nodesSharingADatabaseSeeOnlyTheirOwnSchema() {
        Database other = TestPostgres.open();
        try {
            registries.save(new Registry(RegistryCode.of("JP"), "Japan", RegistryStatus.OPERATING, false));
            assertTrue(registries.find(RegistryCode.of("JP")).isPresent());
            assertEquals(Optional.empty(), new PostgresRegistries(other).find(RegistryCode.of("JP")));
        } finally {
            TestPostgres.drop(other);
        }
    }

    @Test
    void startingAgainOnAnUpToDateSchemaKeepsItsData() {
        registries.save(new Registry(RegistryCode.of("NZ"), "New Zealand", RegistryStatus.OPERATING, false));
        try (Database again = Database.start(database.settings())) {
            assertEquals("New Zealand", new PostgresRegistries(again).find(RegistryCode.of("NZ")).orElseThrow().name());
        }
    }

    @Test
    void aUnitOfWorkThatFailsKeepsNothing() {
        RegistryCode fr = RegistryCode.of("FR");
        assertThrows(IllegalStateException.class, () -> database.run(() -> {
            registries.save(new Registry(fr, "France", RegistryStatus.OPERATING, true));
            throw new IllegalStateException("something went wrong after the save");
        }));
        assertFalse(registries.find(fr).isPresent());
    }

    @Test
    void workStartedInsideAUnitOfWorkJoinsIt() {
        RegistryCode de = RegistryCode.of("DE");
        assertThrows(IllegalStateException.class, () -> database.run(() -> {
            database.run(() -> registries.save(new Registry(de, "Germany", RegistryStatus.OPERATING, true)));
            assertTrue(registries.find(de).isPresent());
            throw new IllegalStateException("the outer work fails");
        }));
        assertFalse(registries.find(de).isPresent());
    }

    @Test
    void aFailureInJoinedWorkUndoesTheWholeUnitEvenWhenCaught() {
        RegistryCode ch = RegistryCode.of("CH");
        assertThrows(RuntimeException.class, () -> database.run(() -> {
            registries.save(new Registry(ch, "Switzerland", RegistryStatus.OPERATING, false));
            try {
                database.run(() -> {
                    throw new IllegalArgumentException("inner work fails");
                });
            } catch (IllegalArgumentException expected) {
                // swallowed on purpose: the unit of work must still not commit
            }
        }));
        assertFalse(registries.find(ch).isPresent());
    }

    @Test
    void theDatabaseRefusesTwoCurrentPiecesSharingASerialNumber() throws SQLException {
        String piece = "INSERT INTO held_pieces (originating_registry, serial_start, serial_end, unit_type, supp_unit_type,"
                + " original_period, applicable_period, account_registry, account_type, account_identifier,"
                + " account_period, valid_from) VALUES ('CDM', %d, %d, 5, 0, 2, 2, 'CDM', 110, 1, 0, now())";
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute(piece.formatted(1, 100));
            statement.execute(piece.formatted(101, 200));
            SQLException refused = assertThrows(SQLException.class, () -> statement.execute(piece.formatted(200, 300)));
            assertEquals("23P01", refused.getSQLState(), "exclusion_violation");
            connection.rollback();
        }
    }

    @Test
    void overlapLookupsUseTheRangeIndex() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = statement.executeQuery("EXPLAIN SELECT * FROM held_pieces WHERE valid_to IS NULL"
                    + " AND originating_registry = 'CDM'"
                    + " AND int8range(serial_start, serial_end, '[]') && int8range(10, 20, '[]')")) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            connection.rollback();
            assertTrue(plan.toString().contains("held_pieces_serials_held_once"), plan.toString());
        }
    }

    static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet value = statement.executeQuery("SHOW " + setting)) {
            value.next();
            return value.getString(1);
        }
    }
}
