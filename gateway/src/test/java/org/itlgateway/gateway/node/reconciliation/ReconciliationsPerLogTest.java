package org.itlgateway.gateway.node.reconciliation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.itlgateway.core.reconciliation.ReconciliationStatus;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.gateway.delivery.GatewaySchema;
import org.itlgateway.gateway.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A registry that both the ITL and the CITL reconcile keeps their reconciliations apart: each log numbers its own, so
 * the registry knows a reconciliation by the log that started it and its identifier. Reconciliations recorded before
 * (gateway schema V8, keyed by identifier alone) keep their log, status and results after the upgrade.
 */
class ReconciliationsPerLogTest {

    private static final Instant SNAPSHOT = Instant.parse("2015-03-02T09:00:00Z");

    @Test
    void aReconciliationRecordedBeforeTheUpgradeKeepsItsLogStatusAndResults() throws SQLException {
        String schema = TestDatabase.freshSchemaName();
        DataSource dataSource = TestDatabase.dataSource();
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema).createSchemas(true)
                .table("gateway_schema_history").locations("classpath:db/gateway").target("8").load().migrate();
        try (Connection connection = connectionTo(dataSource, schema);
             PreparedStatement reconciliation = connection.prepareStatement("insert into registry_reconciliation (id,"
                     + " requested_by, snapshot_at, initiated_at, status, status_at) values (7, 'ITL', ?, ?, 4, ?)");
             PreparedStatement result = connection.prepareStatement("insert into registry_reconciliation_result"
                     + " (reconciliation_id, position, response_code, description, unit_blocks)"
                     + " values (7, 0, 6002, 'missing', 'DE:1-10')")) {
            OffsetDateTime at = OffsetDateTime.ofInstant(SNAPSHOT, ZoneOffset.UTC);
            reconciliation.setObject(1, at);
            reconciliation.setObject(2, at);
            reconciliation.setObject(3, at);
            reconciliation.executeUpdate();
            result.executeUpdate();
        }

        GatewaySchema.migrate(dataSource, schema);

        try (Connection connection = connectionTo(dataSource, schema)) {
            RecordedReconciliation kept = RegistryReconciliations.find(connection, "ITL", 7).orElseThrow();
            assertEquals(ReconciliationStatus.UNIT_BLOCKS_INCONSISTENT, kept.status());
            assertEquals(SNAPSHOT, kept.snapshot());
            assertEquals(List.of(new EvaluationResult(ResponseCode.BLOCK_MISSING,
                    List.of(UnitBlockId.of(RegistryCode.of("DE"), 1, 10)), "missing")), kept.results());
            assertTrue(RegistryReconciliations.find(connection, "CITL", 7).isEmpty(), "the CITL started no reconciliation 7");
        }
    }

    @Test
    void theItlsAndTheCitlsReconciliationsOfOneIdentifierStayApart() throws SQLException {
        String schema = TestDatabase.freshSchemaName();
        DataSource dataSource = TestDatabase.dataSource();
        GatewaySchema.migrate(dataSource, schema);
        Instant later = SNAPSHOT.plusSeconds(3600);
        try (Connection connection = connectionTo(dataSource, schema)) {
            assertTrue(RegistryReconciliations.record(connection, "ITL", 1, SNAPSHOT, SNAPSHOT,
                    ReconciliationStatus.INITIATED, null));
            assertTrue(RegistryReconciliations.record(connection, "CITL", 1, later, later,
                    ReconciliationStatus.INITIATED, null), "the CITL's reconciliation 1 is another one");
            assertTrue(!RegistryReconciliations.record(connection, "CITL", 1, later, later,
                    ReconciliationStatus.INITIATED, null), "the CITL's reconciliation 1 is recorded once");

            RegistryReconciliations.recordResult(connection, "CITL", 1, ReconciliationStatus.TOTALS_INCONSISTENT, later,
                    List.of(new EvaluationResult(ResponseCode.TOTALS_DIFFER, List.of(), "DE 120 differs")));
            RegistryReconciliations.recordResult(connection, "ITL", 1, ReconciliationStatus.VALIDATED, later, List.of());

            RecordedReconciliation byTheItl = RegistryReconciliations.find(connection, "ITL", 1).orElseThrow();
            RecordedReconciliation byTheCitl = RegistryReconciliations.find(connection, "CITL", 1).orElseThrow();
            assertEquals(ReconciliationStatus.VALIDATED, byTheItl.status());
            assertEquals(SNAPSHOT, byTheItl.snapshot());
            assertEquals(List.of(), byTheItl.results());
            assertEquals(ReconciliationStatus.TOTALS_INCONSISTENT, byTheCitl.status());
            assertEquals(later, byTheCitl.snapshot());
            assertEquals(List.of(ResponseCode.TOTALS_DIFFER), byTheCitl.results().stream().map(EvaluationResult::code).toList());
        }
    }

    private static Connection connectionTo(DataSource dataSource, String schema) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setSchema(schema);
        return connection;
    }
}
