package org.itlgateway.simulator.duties;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Creates or upgrades the tables of the ITL's own duties in its schema, with their own history. */
final class DutiesSchema {

    private DutiesSchema() {
    }

    static void migrate(DataSource dataSource, String schema) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .table("duties_schema_history")
                .locations("classpath:db/duties")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
