package org.itlgateway.gateway.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Gateway schema V14: the bytes a message arrived as are kept once, in its evidence record, and the large values are
 * kept without PostgreSQL's pglz compression (LZ4 where the server has it, else uncompressed). A message kept in the
 * inbox before the upgrade, with its bytes in its row, is still handed over with them.
 */
class ReceivedBytesMigrationTest {

    @Test
    void aMessageKeptWithItsBytesInItsRowBeforeTheUpgradeIsClaimedWithThemAfterIt() throws SQLException {
        String schema = TestDatabase.freshSchemaName();
        DataSource dataSource = TestDatabase.dataSource();
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema).createSchemas(true)
                .table("gateway_schema_history").locations("classpath:db/gateway").target("13").load().migrate();
        byte[] received = "<soap:Envelope>as it arrived</soap:Envelope>".getBytes(StandardCharsets.UTF_8);
        try (Connection connection = dataSource.getConnection()) {
            connection.setSchema(schema);
            try (PreparedStatement inbox = connection.prepareStatement("insert into inbox_message (operation, sender,"
                    + " message_key, content_digest, received_at, raw_xml, payload_xml) values (?, 'CDM', 'CDM1', 'x', ?, ?,"
                    + " '<request/>')")) {
                inbox.setString(1, Operation.LOG_ACCEPT_PROPOSAL.name());
                inbox.setObject(2, OffsetDateTime.parse("2026-12-01T00:00:00Z"));
                inbox.setBytes(3, received);
                inbox.executeUpdate();
            }
        }

        GatewaySchema.migrate(dataSource, schema);

        try (Connection connection = dataSource.getConnection()) {
            connection.setSchema(schema);
            connection.setAutoCommit(false);
            Optional<InboxEntry> claimed = Inbox.claimNext(connection);
            connection.rollback();
            assertTrue(claimed.isPresent());
            assertArrayEquals(received, claimed.get().rawXml());
        }
    }

    @Test
    void theLargeValuesOfEveryMessageAreKeptWithoutPglz() throws SQLException {
        String schema = TestDatabase.freshSchemaName();
        DataSource dataSource = TestDatabase.dataSource();
        GatewaySchema.migrate(dataSource, schema);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement columns = connection.prepareStatement("select attrelid::regclass::text || '.' || attname,"
                     + " attstorage, attcompression from pg_attribute where attrelid in (?::regclass, ?::regclass,"
                     + " ?::regclass) and attname in ('content', 'payload_xml', 'raw_xml') order by 1")) {
            // what to expect of this server: LZ4 where it was built with it, else no compression at all
            String expected = hasLz4(connection) ? "storage x, compression l" : "storage e, compression ";
            columns.setString(1, schema + ".evidence_record");
            columns.setString(2, schema + ".inbox_message");
            columns.setString(3, schema + ".outbox_message");
            int seen = 0;
            try (ResultSet rows = columns.executeQuery()) {
                while (rows.next()) {
                    seen++;
                    assertEquals(expected, "storage " + rows.getString(2) + ", compression " + rows.getString(3),
                            rows.getString(1));
                }
            }
            assertEquals(4, seen, "evidence_record.content, inbox_message.payload_xml and raw_xml, outbox_message.payload_xml");
        }
    }

    /** Whether this server can compress with LZ4 (the setting is refused when it was built without it). */
    private static boolean hasLz4(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("set default_toast_compression = 'lz4'");
            statement.execute("reset default_toast_compression");
            return true;
        } catch (SQLException notBuiltWithIt) {
            return false;
        }
    }
}
