package org.itlgateway.gateway.evidence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import picocli.CommandLine.Option;

/** Where a node's archive is: its database and schema, as {@code ./itl-registry} is told (options or environment). */
public final class ArchiveDatabaseOptions {

    @Option(names = "--jdbc-url", defaultValue = "${env:ITL_REGISTRY_JDBC_URL}",
            description = "The node's database (jdbc:postgresql://host:port/database).")
    String jdbcUrl;

    @Option(names = "--jdbc-user", defaultValue = "${env:ITL_REGISTRY_JDBC_USER:-postgres}",
            description = "Its user (default: ${DEFAULT-VALUE}).")
    String jdbcUser;

    @Option(names = "--jdbc-password", defaultValue = "${env:ITL_REGISTRY_JDBC_PASSWORD:-}", description = "Its password.")
    String jdbcPassword;

    @Option(names = "--schema", defaultValue = "${env:ITL_REGISTRY_SCHEMA}",
            description = "The schema of the node's tables.")
    String schema;

    /** Whether a database is named at all. */
    boolean given() {
        return jdbcUrl != null && !jdbcUrl.isBlank();
    }

    /** What is missing to reach the database, or null when nothing is. */
    String missing() {
        if (!given()) {
            return "--jdbc-url (or ITL_REGISTRY_JDBC_URL)";
        }
        if (schema == null || schema.isBlank()) {
            return "--schema (or ITL_REGISTRY_SCHEMA)";
        }
        return null;
    }

    /** A read-only connection to the node's schema. */
    Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", jdbcUser);
        properties.setProperty("password", jdbcPassword == null ? "" : jdbcPassword);
        properties.setProperty("currentSchema", schema);
        properties.setProperty("readOnly", "true");
        return DriverManager.getConnection(jdbcUrl, properties);
    }
}
