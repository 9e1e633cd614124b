package org.itlgateway.simulator.reconciliation;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates or upgrades the simulator's own tables (a log's reconciliations: the ITL's, the CITL's) in a node's schema,
 * with their own history.
 */
public final class SimulatorSchema {

    private SimulatorSchema() {
    }

    public static void migrate(DataSource dataSource, String schema) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .table("simulator_schema_history")
                .locations("classpath:db/simulator")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
