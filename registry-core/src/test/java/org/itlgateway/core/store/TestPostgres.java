package org.itlgateway.core.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server the tests of one JVM share: an embedded one, started once (it takes seconds), or the
 * server named by {@code PG_TEST_URL} (with {@code PG_TEST_USER} and {@code PG_TEST_PASSWORD}, default user
 * postgres). Each test class opens its own database on a fresh schema, so classes never see each other's rows.
 *
 * <p>The embedded server here is a throw-away one in a temporary directory; the nodes' own embedded server (a kept
 * data directory, recovery after a crash) belongs to the gateway, which runs nodes. It keeps every commit as a
 * node's does (fsync, synchronous commit, full page writes), so that the store's benchmarks measure durable work.
 */
public final class TestPostgres {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static DatabaseSettings server;

    private TestPostgres() {
    }

    /** Settings for a schema no other test uses. */
    public static synchronized DatabaseSettings freshSchema() {
        if (server == null) {
            String url = System.getenv("PG_TEST_URL");
            if (url != null && !url.isBlank()) {
                String user = System.getenv().getOrDefault("PG_TEST_USER", "postgres");
                server = DatabaseSettings.external(url, user, System.getenv("PG_TEST_PASSWORD"));
            } else {
                server = DatabaseSettings.external(startEmbedded(), "postgres", null);
            }
        }
        return server.withSchema("test_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet());
    }

    /** Starts the embedded server, stopped by its own shutdown hook when the JVM ends, and answers its JDBC URL. */
    private static String startEmbedded() {
        try {
            EmbeddedPostgres started = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            return "jdbc:postgresql://localhost:" + started.getPort() + "/postgres";
        } catch (IOException e) {
            throw new UncheckedIOException("the tests' embedded PostgreSQL server did not start", e);
        }
    }

    /** A database on a fresh schema; {@link #drop} it when done. */
    public static Database open() {
        return Database.start(freshSchema());
    }

    /** Drops the database's schema and closes it. */
    public static void drop(Database database) {
        if (database == null) {
            return;
        }
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + database.schema() + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop schema " + database.schema(), e);
        } finally {
            database.close();
        }
    }
}
