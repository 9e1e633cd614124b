package org.itlgateway.simulator.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/**
 * The PostgreSQL a benchmark runs on: the one at the URL given, or an embedded server that keeps every commit (fsync
 * and synchronous commit on, as a node's ledger runs), stopped when the benchmark ends.
 */
final class BenchDatabase implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String url;

    private BenchDatabase(EmbeddedPostgres embedded, String url) {
        this.embedded = embedded;
        this.url = url;
    }

    /** The server at {@code jdbcUrl}, or an embedded one when it is null; prints which, with {@code pools}. */
    static BenchDatabase embeddedUnless(String jdbcUrl, String pools) throws IOException {
        if (jdbcUrl != null) {
            System.out.println("database: " + jdbcUrl);
            return new BenchDatabase(null, jdbcUrl);
        }
        EmbeddedPostgres embedded = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on").start();
        System.out.println("database: embedded PostgreSQL, fsync=on, synchronous_commit=on, " + pools);
        return new BenchDatabase(embedded, embedded.getJdbcUrl("postgres", "postgres"));
    }

    String url() {
        return url;
    }

    /**
     * Leaves the server with no maintenance owed for what came before: the tables vacuumed and a checkpoint taken, so
     * what an earlier scenario wrote (its autovacuum, its dirty pages) does not land in the next one's database CPU.
     * Where the user may not (a checkpoint needs a superuser or {@code pg_checkpoint}), says so and goes on.
     */
    static void settle(javax.sql.DataSource dataSource) {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("vacuum");
            statement.execute("checkpoint");
        } catch (java.sql.SQLException e) {
            if (!warned) {
                warned = true;
                System.out.println("note: the database could not be settled between scenarios (" + e.getMessage()
                        + "); an earlier scenario's maintenance may fall on a later one");
            }
        }
    }

    private static volatile boolean warned;

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
