package org.itlgateway.gateway.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.itlgateway.core.store.Database;
import org.itlgateway.gateway.delivery.Transactor;
import org.itlgateway.gateway.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A node process that dies in the middle of a unit of work, between a change and its evidence record or after both
 * before the commit, leaves neither: the change and its record commit together or not at all, the archive's head
 * stays where it was, the archive verifies, and the next change's record follows the last committed one. The node
 * runs as a real second JVM ({@link HaltingArchiver}) on the same PostgreSQL and halts as a power cut would.
 */
class ArchiveCrashIT {

    private String schema;
    private Database database;
    private Transactor transactor;

    @BeforeEach
    void anArchiveWithOneCommittedChange() {
        schema = TestDatabase.freshSchemaName();
        database = TestDatabase.open(schema, 2);
        transactor = TestDatabase.transactor(database);
        transactor.inTransaction(connection -> {
            HaltingArchiver.change(connection, "CDM9200001");
            return HaltingArchiver.record(connection, "CDM9200001");
        });
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aProcessKilledBetweenAChangeAndItsArchiveRecordLeavesNeither() throws Exception {
        haltIn("CDM9200002", "after-change");

        assertNeitherWasLeft("CDM9200002");
    }

    @Test
    void aProcessKilledAfterTheChangeAndItsRecordBeforeTheCommitLeavesNeither() throws Exception {
        haltIn("CDM9200002", "after-record");

        assertNeitherWasLeft("CDM9200002");
    }

    private void assertNeitherWasLeft(String key) throws Exception {
        assertEquals(0, TestDatabase.count(schema, "select count(*) from inbox_message where message_key = '" + key + "'"),
                "the change did not commit");
        assertEquals(List.of(), transactor.inTransaction(connection -> EvidenceArchive.about(connection, key)),
                "nor did its record");
        assertEquals(1, transactor.inTransaction(EvidenceArchive::head).lastSequence(), "the head did not move");
        try (Connection connection = database.dataSource().getConnection()) {
            ArchiveVerdict verdict = ArchiveVerification.verify(connection);
            assertTrue(verdict.intact(), verdict.summary());
            assertEquals(1, verdict.checked());
        }

        // The same change made again after the restart: its record is the next one, and the chain holds.
        EvidenceRecord again = transactor.inTransaction(connection -> {
            HaltingArchiver.change(connection, key);
            return HaltingArchiver.record(connection, key);
        });
        assertEquals(2, again.sequence());
        assertEquals(1, TestDatabase.count(schema, "select count(*) from inbox_message where message_key = '" + key + "'"));
        try (Connection connection = database.dataSource().getConnection()) {
            assertTrue(ArchiveVerification.verify(connection).intact());
        }
    }

    private void haltIn(String key, String moment) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the compiler and collector choices of the test JVM (see the root pom's argLine)
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("-XX:")).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), HaltingArchiver.class.getName(),
                TestDatabase.jdbcUrl(), schema, key, moment));
        Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(300, TimeUnit.SECONDS), output);
        assertEquals(137, node.exitValue(), () -> "the process halted in its unit of work: " + output);
    }
}
