package org.itlgateway.gateway.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.itlgateway.core.registry.Registry;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.registry.RegistryStatus;
import org.itlgateway.core.store.Database;
import org.itlgateway.core.store.DatabaseSettings;
import org.itlgateway.core.store.jpa.PostgresRegistries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server as a node's own database: durable, and its data where the operator put it. */
class EmbeddedServerTest {

    @Test
    void theEmbeddedServerCommitsDurablyAndFindsItsDataAgainAfterARestart(@TempDir Path directory) throws SQLException {
        Path data = directory.resolve("pgdata");
        Registry gb = new Registry(RegistryCode.of("GB"), "United Kingdom", RegistryStatus.OPERATING, false);
        try (EmbeddedServer server = EmbeddedServer.start(data, 0);
             Database database = Database.start(nodeGb(server))) {
            try (Connection connection = database.dataSource().getConnection()) {
                assertEquals("on", show(connection, "fsync"));
                assertEquals("on", show(connection, "synchronous_commit"));
                assertEquals("on", serverDefault(connection, "synchronous_commit"), "the server's own setting too");
            }
            new PostgresRegistries(database).save(gb);
        }
        try (EmbeddedServer again = EmbeddedServer.start(data, 0);
             Database database = Database.start(nodeGb(again))) {
            assertEquals(gb, new PostgresRegistries(database).find(gb.code()).orElseThrow());
        }
    }

    private static DatabaseSettings nodeGb(EmbeddedServer server) {
        return server.settings().withSchema("node_gb");
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet value = statement.executeQuery("SHOW " + setting)) {
            value.next();
            return value.getString(1);
        }
    }

    private static String serverDefault(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet value = statement.executeQuery("SELECT reset_val FROM pg_settings WHERE name = '" + setting + "'")) {
            value.next();
            return value.getString(1);
        }
    }
}
