package org.itlgateway.gateway.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.itlgateway.gateway.delivery.GatewaySchema;
import org.itlgateway.gateway.delivery.PayloadCodec;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Requests a node stored before the contract took the DES's names (the record of gateway schema V4,
 * {@code stored-requests-gateway-v4.tsv}: reconciliation requests, proposals, notices and audit trails under the
 * earlier names) read after the upgrade (V5 to V8) as the same requests today's contract writes: an outbox row not yet
 * delivered and an inbox row not yet processed survive the upgrade.
 */
class StoredRequestsMigrationTest {

    @Test
    void requestsStoredUnderSchemaV4ReadAfterTheUpgradeAsTodaysRequests() throws IOException, SQLException {
        Map<String, String[]> before = StoredRequestsTest.recorded("stored-requests-gateway-v4.tsv");
        Map<String, String[]> today = StoredRequestsTest.recorded();
        String schema = TestDatabase.freshSchemaName();
        DataSource dataSource = TestDatabase.dataSource();
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema).createSchemas(true)
                .table("gateway_schema_history").locations("classpath:db/gateway").target("4").load().migrate();
        try (Connection connection = dataSource.getConnection()) {
            connection.setSchema(schema);
            // the operations of the contract then (one added since, acceptEvidenceCheckpoint, had no rows to keep)
            for (Operation operation : before.keySet().stream().map(Operation::valueOf).toList()) {
                String[] row = before.get(operation.name());
                try (PreparedStatement outbox = connection.prepareStatement("insert into outbox_message (destination,"
                        + " operation, message_key, payload_xml, created_at, next_attempt_at) values ('ITL', ?, ?, ?, ?, ?)");
                     PreparedStatement inbox = connection.prepareStatement("insert into inbox_message (operation, sender,"
                             + " message_key, content_digest, received_at, raw_xml, payload_xml) values (?, 'ITL', ?, 'x', ?,"
                             + " ''::bytea, ?)")) {
                    OffsetDateTime now = OffsetDateTime.parse("2026-12-01T00:00:00Z");
                    outbox.setString(1, operation.name());
                    outbox.setString(2, row[0]);
                    outbox.setString(3, row[1]);
                    outbox.setObject(4, now);
                    outbox.setObject(5, now);
                    outbox.executeUpdate();
                    inbox.setString(1, operation.name());
                    inbox.setString(2, row[0]);
                    inbox.setObject(3, now);
                    inbox.setString(4, row[1]);
                    inbox.executeUpdate();
                }
            }
        }

        GatewaySchema.migrate(dataSource, schema);

        try (Connection connection = dataSource.getConnection()) {
            connection.setSchema(schema);
            for (String table : new String[] {"outbox_message", "inbox_message"}) {
                try (PreparedStatement read = connection.prepareStatement("select operation, payload_xml from " + table);
                     ResultSet rows = read.executeQuery()) {
                    int readRows = 0;
                    while (rows.next()) {
                        Operation operation = Operation.valueOf(rows.getString(1));
                        String upgraded = rows.getString(2);
                        String written = PayloadCodec.marshal(PayloadCodec.unmarshal(operation, upgraded));
                        assertEquals(today.get(operation.name())[1], written, table + ": " + operation);
                        readRows++;
                    }
                    assertEquals(before.size(), readRows, table);
                }
            }
        }
    }
}
