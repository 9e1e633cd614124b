package org.itlgateway.gateway.delivery;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Creates or upgrades the gateway's tables (inbox, outbox) in a node's schema, with its own migration history. */
public final class GatewaySchema {

    private GatewaySchema() {
    }

    public static void migrate(DataSource dataSource, String schema) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .table("gateway_schema_history")
                .locations("classpath:db/gateway")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
