package org.itlgateway.gateway.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server on a data directory survives its owner's crash: a postmaster left running by a killed process
 * is stopped and the next start finds the data; a pid file left by a machine crash does not block the start.
 */
class EmbeddedServerAfterCrashIT {

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "LeftoverPostmaster recognises the left-over postmaster through /proc")
    void aServerLeftRunningByAKilledProcessIsStoppedAndTheNextStartFindsItsData(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("pgdata");
        ProcessHandle orphan;
        try (ServerInAnotherProcess crashing = ServerInAnotherProcess.start(data, "before the crash", directory.resolve("child.log"))) {
            crashing.kill();
            orphan = ServerInAnotherProcess.postmasterOf(data).orElseThrow();
            assertTrue(orphan.isAlive(), "the killed process's postmaster still runs and holds the data directory");
        }

        try (EmbeddedServer again = EmbeddedServer.start(data, 0)) {
            assertEquals(List.of("before the crash"), notes(again));
            assertFalse(orphan.isAlive(), "the left-over postmaster was stopped");
        }
    }

    @Test
    void aPidFileNamingADeadProcessDoesNotBlockTheStart(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("pgdata");
        List<String> pidFile = runAndKeepPidFile(data);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        pidFile.set(0, Long.toString(gone.pid()));
        Files.write(data.resolve("postmaster.pid"), pidFile);

        try (EmbeddedServer again = EmbeddedServer.start(data, 0)) {
            assertEquals(List.of("kept"), notes(again));
        }
    }

    @Test
    void aPidFileNamingAnotherLiveProcessDoesNotBlockTheStartNorStopsThatProcess(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("pgdata");
        List<String> pidFile = runAndKeepPidFile(data);
        Process unrelated = new ProcessBuilder("sleep", "600").start();
        try {
            // after a machine crash, the pid the file names may since belong to any process
            pidFile.set(0, Long.toString(unrelated.pid()));
            Files.write(data.resolve("postmaster.pid"), pidFile);

            try (EmbeddedServer again = EmbeddedServer.start(data, 0)) {
                assertEquals(List.of("kept"), notes(again));
            }
            assertTrue(unrelated.isAlive(), "a process that is not this directory's postmaster is left alone");
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void aDataDirectoryInUseByARunningServerIsNotTakenOver(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("pgdata");
        try (EmbeddedServer running = EmbeddedServer.start(data, 0)) {
            ServerInAnotherProcess.writeNote(running.jdbcUrl(), "in use");

            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> EmbeddedServer.start(data, 0));
            assertTrue(refused.getMessage().contains("in use"), refused.getMessage());
            assertEquals(List.of("in use"), notes(running), "the running server still serves");
        }
    }

    /** Runs a server on the directory, writes a row, and answers its pid file as it was while the server ran. */
    private static List<String> runAndKeepPidFile(Path data) throws SQLException, IOException {
        try (EmbeddedServer server = EmbeddedServer.start(data, 0)) {
            ServerInAnotherProcess.writeNote(server.jdbcUrl(), "kept");
            return new ArrayList<>(Files.readAllLines(data.resolve("postmaster.pid")));
        }
    }

    private static List<String> notes(EmbeddedServer server) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), EmbeddedServer.USER, null);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT note FROM notes")) {
            List<String> notes = new ArrayList<>();
            while (rows.next()) {
                notes.add(rows.getString(1));
            }
            return notes;
        }
    }
}
