package org.itlgateway.gateway.support;

import org.itlgateway.gateway.delivery.PostgresSeenMessages;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.itlgateway.core.store.Database;
import org.itlgateway.core.store.DatabaseSettings;
import org.itlgateway.gateway.delivery.GatewaySchema;
import org.itlgateway.gateway.delivery.Transactor;
import org.itlgateway.gateway.node.DatabaseTransactor;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One embedded PostgreSQL per test JVM (a real server); each test gets a schema of its own, opened as production
 * opens a node's database: a {@link Database} (pool, Hibernate units of work) and the {@link DatabaseTransactor}
 * on it.
 */
public final class TestDatabase {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static final java.util.Map<String, Database> REPLAY_DATABASES = new java.util.concurrent.ConcurrentHashMap<>();
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

    /** A new schema name, not yet created. */
    public static String freshSchemaName() {
        return "gateway_test_" + SCHEMAS.incrementAndGet();
    }

    /** A node's database on {@code schema} as production opens it, with a pool of {@code poolSize} connections. */
    public static Database open(String schema, int poolSize) {
        return open(jdbcUrl(), schema, poolSize);
    }

    /** The same on the server at {@code jdbcUrl} (for a second process). */
    public static Database open(String jdbcUrl, String schema, int poolSize) {
        Database database = Database.start(DatabaseSettings.external(jdbcUrl, "postgres", "postgres")
                .withSchema(schema).withPoolSize(poolSize));
        // On a connection of its own: Flyway wants more than the smallest pools have to spare.
        PGSimpleDataSource migration = new PGSimpleDataSource();
        migration.setURL(jdbcUrl);
        GatewaySchema.migrate(migration, schema);
        return database;
    }

    /** The replay store of an endpoint, on a fresh schema of its own. */
    public static PostgresSeenMessages seenMessages() {
        return seenMessages(freshSchemaName());
    }

    /**
     * The replay store of an endpoint on this schema, on the node database the tests of this JVM keep open for it
     * (real clock: message timestamps are checked against it).
     */
    public static PostgresSeenMessages seenMessages(String schema) {
        return new PostgresSeenMessages(REPLAY_DATABASES.computeIfAbsent(schema, name -> open(name, 2)).dataSource(),
                java.time.Clock.systemUTC());
    }

    /** The production transactor on a node database. */
    public static Transactor transactor(Database database) {
        return new DatabaseTransactor(database);
    }

    /** A number the query answers, read on a connection of its own in {@code schema}. */
    public static long count(String schema, String sql) {
        try (Connection connection = dataSource().getConnection()) {
            connection.setSchema(schema);
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The text the query answers (its first column of its first row, or null), read on a connection of its own in {@code schema}. */
    public static String text(String schema, String sql) {
        try (Connection connection = dataSource().getConnection()) {
            connection.setSchema(schema);
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs a statement in {@code schema} on a connection of its own. */
    public static void execute(String schema, String sql) {
        try (Connection connection = dataSource().getConnection()) {
            connection.setSchema(schema);
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
