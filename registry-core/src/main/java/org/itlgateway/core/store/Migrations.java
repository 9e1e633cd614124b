package org.itlgateway.core.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings a node's schema up to date with the SQL migrations in {@code db/migration}; the only thing that creates tables. */
final class Migrations {

    private static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    /** Creates the schema if needed and applies the migrations it has not seen yet. */
    static void apply(DataSource dataSource, String schema) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
