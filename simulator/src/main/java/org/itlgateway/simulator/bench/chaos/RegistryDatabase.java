package org.itlgateway.simulator.bench.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL the registry's gateway runs on in a chaos run ({@code --jdbc-url}): started by the runner as its
 * own process, killed with SIGKILL together with its postmaster (whose pid is the first line of
 * {@code postmaster.pid}), and restarted on the same data directory, which PostgreSQL then recovers.
 */
final class RegistryDatabase {

    private final Path dataDirectory;
    private final int port;
    private final Path log;
    private JavaProcess process;

    RegistryDatabase(Path dataDirectory, int port, Path log) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.log = log;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Starts the server and waits until it takes connections; a start refused (backends of a killed server still exiting) is tried again. */
    void start() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (true) {
            process = JavaProcess.start("96m", ChaosDatabaseMain.class, List.of(dataDirectory.toString(), String.valueOf(port)), log);
            while (process.isAlive() && !acceptsConnections()) {
                pause(200);
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the registry's PostgreSQL did not start; see " + log);
                }
            }
            if (process.isAlive()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the registry's PostgreSQL did not start; see " + log);
            }
            pause(500);
        }
    }

    /** SIGKILL to the JVM that started it and to the postmaster. */
    void kill() {
        Optional<Long> postmaster = postmasterPid();
        process.kill();
        postmaster.ifPresent(JavaProcess::killPid);
    }

    void stop() {
        if (process != null) {
            process.stop();
        }
        postmasterPid().ifPresent(JavaProcess::killPid);
    }

    private Optional<Long> postmasterPid() {
        try {
            Path pidFile = dataDirectory.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private boolean acceptsConnections() {
        try (var connection = DriverManager.getConnection(jdbcUrl(), "postgres", "")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
