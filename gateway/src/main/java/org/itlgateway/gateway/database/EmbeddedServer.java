package org.itlgateway.gateway.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.itlgateway.core.store.DatabaseSettings;

/**
 * A PostgreSQL server started by this process from the binaries on the class path (zonky's, for Linux and macOS on
 * x86-64 and ARM: the one for the running platform is unpacked). It is set up to keep every commit: the binaries'
 * defaults (no fsync, asynchronous commit) suit throw-away test databases, not a node's ledger.
 *
 * <p>What runs a node (the gateway's command, the simulated network) starts it and hands its {@link #settings()} to
 * {@link org.itlgateway.core.store.Database}, which only opens databases it is given.
 */
public final class EmbeddedServer implements AutoCloseable {

    /** The superuser the embedded server is created with; it trusts local connections. */
    public static final String USER = "postgres";
    private static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server. With a data directory, the data stays there and is found again by the next start; without
     * one, it lives in a temporary directory that is deleted when the server stops. A server a crashed previous run
     * left running on the directory is stopped first, and a pid file a machine crash left is removed (see
     * {@link LeftoverPostmaster}); a directory in use by a running server of another process is refused.
     *
     * @param dataDirectory where the data lives, or {@code null} for a temporary directory
     * @param port          the port, or 0 for a free one
     */
    public static EmbeddedServer start(Path dataDirectory, int port) {
        return start(dataDirectory, port, true);
    }

    /**
     * Starts a server that only its owner stops, with {@link #close()}: no shutdown hook of its own, so an
     * application stopping on Ctrl-C can stop its users of the database first and the server last.
     */
    public static EmbeddedServer startOwned(Path dataDirectory, int port) {
        return start(dataDirectory, port, false);
    }

    private static EmbeddedServer start(Path dataDirectory, int port, boolean shutdownHook) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(shutdownHook)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setPort(port);
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                LeftoverPostmaster.clear(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            return new EmbeddedServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL server did not start", e);
        }
    }

    /** The JDBC URL of the server's {@code postgres} database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    /** Settings for a node on this server, in the default schema. */
    public DatabaseSettings settings() {
        return DatabaseSettings.external(jdbcUrl(), USER, null);
    }

    /** Stops the server; a temporary data directory is deleted. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL server did not stop cleanly", e);
        }
    }
}
