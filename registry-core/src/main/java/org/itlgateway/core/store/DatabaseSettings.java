package org.itlgateway.core.store;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a node keeps its facts: a PostgreSQL server reachable by JDBC (an operator's, or the embedded server that the
 * gateway's command or the simulated network started), the schema of the node (several nodes can share one database, one schema each) and the
 * size of its connection pool.
 *
 * @param server   the server to connect to
 * @param schema   the node's schema: lower-case letters, digits and underscores, starting with a letter
 * @param poolSize the most connections the node keeps open
 */
public record DatabaseSettings(External server, String schema, int poolSize) {

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

    /** The PostgreSQL server at a JDBC URL, e.g. {@code jdbc:postgresql://db.example.org:5432/itl}. */
    public static DatabaseSettings external(String jdbcUrl, String user, String password) {
        return new DatabaseSettings(new External(jdbcUrl, user, password), DEFAULT_SCHEMA, DEFAULT_POOL_SIZE);
    }

    public DatabaseSettings withSchema(String newSchema) {
        return new DatabaseSettings(server, newSchema, poolSize);
    }

    public DatabaseSettings withPoolSize(int newPoolSize) {
        return new DatabaseSettings(server, schema, newPoolSize);
    }

    /**
     * A PostgreSQL server reached by JDBC.
     *
     * @param jdbcUrl  e.g. {@code jdbc:postgresql://localhost:5432/itl}
     * @param user     the user to connect as
     * @param password the user's password, or {@code null} when the server does not ask for one
     */
    public record External(String jdbcUrl, String user, String password) {

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
