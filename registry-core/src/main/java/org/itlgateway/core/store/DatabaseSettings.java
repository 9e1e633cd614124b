package org.itlgateway.core.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a node keeps its facts: the embedded PostgreSQL server (the default) or any PostgreSQL reachable by JDBC,
 * the schema of the node (several nodes can share one database, one schema each) and the size of its connection
 * pool.
 *
 * @param server   which server to use
 * @param schema   the node's schema: lower-case letters, digits and underscores, starting with a letter
 * @param poolSize the most connections the node keeps open
 */
public record DatabaseSettings(Server server, String schema, int poolSize) {

    /** The smallest pool a node can run on: Flyway's migrations on PostgreSQL hold a connection for their lock. */
    public static final int MIN_POOL_SIZE = 2;

    /** The schema of a node that has the database to itself. */
    public static final String DEFAULT_SCHEMA = "public";
    public static final int DEFAULT_POOL_SIZE = 10;

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public DatabaseSettings {
        Objects.requireNonNull(server, "server");
        if (schema == null || !SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException(
                    "a schema name is lower-case letters, digits and underscores, starting with a letter, not " + schema);
        }
        if (poolSize < MIN_POOL_SIZE) {
            throw new IllegalArgumentException("a node needs a pool of at least " + MIN_POOL_SIZE
                    + " database connections (the schema migrations hold one for their lock while they work on another), not "
                    + poolSize);
        }
    }

    /** The embedded server on a random port with its data in a temporary directory, deleted when it stops. */
    public static DatabaseSettings embedded() {
        return new DatabaseSettings(new Embedded(null, 0), DEFAULT_SCHEMA, DEFAULT_POOL_SIZE);
    }

    /** The embedded server keeping its data in {@code dataDirectory}, on {@code port} (0 for a random one). */
    public static DatabaseSettings embedded(Path dataDirectory, int port) {
        return new DatabaseSettings(new Embedded(dataDirectory, port), DEFAULT_SCHEMA, DEFAULT_POOL_SIZE);
    }

    /** A PostgreSQL server of one's own, e.g. {@code jdbc:postgresql://db.example.org:5432/itl}. */
    public static DatabaseSettings external(String jdbcUrl, String user, String password) {
        return new DatabaseSettings(new External(jdbcUrl, user, password), DEFAULT_SCHEMA, DEFAULT_POOL_SIZE);
    }

    public DatabaseSettings withSchema(String newSchema) {
        return new DatabaseSettings(server, newSchema, poolSize);
    }

    public DatabaseSettings withPoolSize(int newPoolSize) {
        return new DatabaseSettings(server, schema, newPoolSize);
    }

    /** The server a node uses. */
    public sealed interface Server permits Embedded, External {
    }

    /**
     * PostgreSQL started inside the node's process from the binaries on the class path.
     *
     * @param dataDirectory where the data lives and survives restarts, or {@code null} for a temporary directory
     *                      that is deleted when the server stops
     * @param port          the port to listen on, or 0 for a free one
     */
    public record Embedded(Path dataDirectory, int port) implements Server {

        public Embedded {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
        }

        public boolean isTemporary() {
            return dataDirectory == null;
        }
    }

    /**
     * A PostgreSQL server reached by JDBC.
     *
     * @param jdbcUrl  e.g. {@code jdbc:postgresql://localhost:5432/itl}
     * @param user     the user to connect as
     * @param password the user's password, or {@code null} when the server does not ask for one
     */
    public record External(String jdbcUrl, String user, String password) implements Server {

        public External {
            if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("a PostgreSQL JDBC URL starts with jdbc:postgresql:, not " + jdbcUrl);
            }
        }

        /** Says where, never the password. */
        @Override
        public String toString() {
            return "External[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
        }
    }
}
