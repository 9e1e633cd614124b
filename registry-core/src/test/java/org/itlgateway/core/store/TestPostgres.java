package org.itlgateway.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server the tests of one JVM share: the embedded one, started once (it takes seconds), or the
 * server named by {@code PG_TEST_URL} (with {@code PG_TEST_USER} and {@code PG_TEST_PASSWORD}, default user
 * postgres). Each test class opens its own database on a fresh schema, so classes never see each other's rows.
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
                // Stopped by the embedded server's own shutdown hook when the JVM ends.
                server = EmbeddedServer.start(null, 0).settings();
            }
        }
        return server.withSchema("test_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet());
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
