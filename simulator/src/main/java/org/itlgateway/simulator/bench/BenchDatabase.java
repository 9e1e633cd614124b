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

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
