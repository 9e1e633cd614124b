package org.itlgateway.simulator.bench.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.itlgateway.gateway.delivery.GatewaySchema;
import org.itlgateway.gateway.evidence.EvidenceArchive;
import org.itlgateway.gateway.evidence.EvidenceKind;
import org.itlgateway.gateway.pki.PkiTool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos run's last invariant: the registry's evidence archive, read in its database by {@code verify-archive}
 * itself, holds when intact and breaks the run when a record is not what was appended, naming the record.
 */
class ArchiveCheckTest {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static final Instant SIMULATED = Instant.parse("2016-09-01T09:00:00Z");

    @TempDir
    static Path pki;
    private static EmbeddedPostgres server;
    private String schema;

    @BeforeAll
    static void startTheDatabaseAndTheNetworksCa() throws IOException {
        server = EmbeddedPostgres.builder().start();
        assertEquals(0, PkiTool.run("init-ca", "--dir", pki.toString()));
        assertEquals(0, PkiTool.run("crl", "--dir", pki.toString()));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @BeforeEach
    void anArchiveOfThreeStatusChanges() throws SQLException {
        schema = "nz_" + SCHEMAS.incrementAndGet();
        GatewaySchema.migrate(server.getPostgresDatabase(), schema);
        try (Connection connection = connection()) {
            connection.setAutoCommit(false);
            for (int i = 1; i <= 3; i++) {
                EvidenceArchive.append(connection, EvidenceKind.STATUS_CHANGE, SIMULATED.plusSeconds(i), null, "NZ" + i,
                        null, ("NZ" + i + " status 4").getBytes(StandardCharsets.UTF_8));
            }
            connection.commit();
        }
    }

    @Test
    void anIntactArchiveHoldsWithItsRecordsCounted() {
        Invariants.Result result = ArchiveCheck.of(jdbcUrl(), schema, pki, SIMULATED);

        assertTrue(result.holds(), result.detail());
        assertEquals(ArchiveCheck.NAME, result.name());
        assertTrue(result.detail().startsWith("intact: 3 records"), result.detail());
    }

    @Test
    void recordsOfASimulatedTimeBeforeTheCertificatesAreCheckedWithoutTheCaAndTheResultSaysSo() {
        Invariants.Result result = ArchiveCheck.of(jdbcUrl(), schema, pki, SIMULATED);

        assertTrue(result.detail().contains("signers not judged (no trust anchor)"), result.detail());
        assertTrue(result.detail().contains("checked without the network's CA"), result.detail());
    }

    @Test
    void recordsTheCertificatesCoverAreCheckedAgainstTheNetworksCa() {
        Invariants.Result result = ArchiveCheck.of(jdbcUrl(), schema, pki, Instant.now().plus(Duration.ofMinutes(1)));

        assertTrue(result.holds(), result.detail());
        assertTrue(result.detail().contains("signers judged against"), result.detail());
        assertFalse(result.detail().contains("without the network's CA"), result.detail());
    }

    @Test
    void aRecordChangedInTheDatabaseBreaksTheRunNamingTheRecord() throws SQLException {
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
            statement.execute("update evidence_record set content = convert_to('NZ2 status 5', 'UTF8') where sequence = 2");
        }

        Invariants.Result result = ArchiveCheck.of(jdbcUrl(), schema, pki, SIMULATED);

        assertFalse(result.holds());
        assertTrue(result.detail().startsWith("exit 1: BROKEN at record 2 (CONTENT)"), result.detail());
    }

    @Test
    void aDatabaseThatCannotBeReadBreaksTheRun() {
        Invariants.Result result = ArchiveCheck.of(jdbcUrl(), "no_such_schema", pki, SIMULATED);

        assertFalse(result.holds());
        assertTrue(result.detail().startsWith("exit 2: "), result.detail());
    }

    private Connection connection() throws SQLException {
        Connection connection = server.getPostgresDatabase().getConnection();
        connection.setSchema(schema);
        return connection;
    }

    private static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
    }
}
