package org.itlgateway.gateway.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * An embedded server started in a process of its own on a data directory, as {@code ./itl-registry} starts it: it
 * writes a row, says {@code ready} on its standard output and serves until it is killed. The test kills it the hard
 * way, as a crash would.
 */
final class ServerInAnotherProcess implements AutoCloseable {

    static final String READY = "ready";

    private final Process process;

    private ServerInAnotherProcess(Process process) {
        this.process = process;
    }

    /** Starts the process and waits until its server has committed {@code note} into table {@code notes}. */
    static ServerInAnotherProcess start(Path dataDirectory, String note, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                ServerInAnotherProcess.class.getName(), dataDirectory.toString(), note)
                .redirectError(log.toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!READY.equals(line)) {
            process.destroyForcibly();
            throw new IllegalStateException("the server process did not get ready (" + line + "): " + Files.readString(log));
        }
        return new ServerInAnotherProcess(process);
    }

    /** Kills the process with SIGKILL, leaving it no chance to stop its server. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing the server process", e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    /** The postmaster a data directory's pid file names, if the file is there. */
    static Optional<ProcessHandle> postmasterOf(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeNote(String jdbcUrl, String note) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, EmbeddedServer.USER, null);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS notes (note text)");
            statement.execute("INSERT INTO notes VALUES ('" + note + "')");
        }
    }

    public static void main(String[] args) throws Exception {
        EmbeddedServer server = EmbeddedServer.startOwned(Path.of(args[0]), 0);
        writeNote(server.jdbcUrl(), args[1]);
        System.out.println(READY);
        System.out.flush();
        Thread.currentThread().join();
    }
}
