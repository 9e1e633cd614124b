package org.itlgateway.gateway.support;

import org.itlgateway.gateway.delivery.PostgresSeenMessages;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.itlgateway.gateway.delivery.DataSourceTransactor;
import org.itlgateway.gateway.delivery.GatewaySchema;
import org.itlgateway.gateway.delivery.Transactor;
import org.postgresql.ds.PGSimpleDataSource;

/** One embedded PostgreSQL per test JVM (a real server); each test gets a schema of its own. */
public final class TestDatabase {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    public static synchronized DataSource dataSource() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl());
        return dataSource;
    }

    /** The JDBC URL of the test server, user included (for a second process). */
    public static synchronized String jdbcUrl() {
        if (server == null) {
            dataSource();
        }
        return server.getJdbcUrl("postgres", "postgres");
    }

    /** A new schema with the gateway's tables. */
    public static String freshGatewaySchema() {
        String schema = "gateway_test_" + SCHEMAS.incrementAndGet();
        GatewaySchema.migrate(dataSource(), schema);
        return schema;
    }

    /** The replay store of an endpoint, on a fresh schema. */
    public static PostgresSeenMessages seenMessages() {
        return seenMessages(freshGatewaySchema());
    }

    /** The replay store of an endpoint on this schema (real clock: message timestamps are checked against it). */
    public static PostgresSeenMessages seenMessages(String schema) {
        return new PostgresSeenMessages(transactor(schema), java.time.Clock.systemUTC());
    }

    public static Transactor transactor(String schema) {
        return new DataSourceTransactor(dataSource(), schema);
    }

    public static long count(String schema, String sql) {
        return transactor(schema).inTransaction(connection -> {
            try (Statement statement = connection.createStatement();
                 var rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
