package org.itlgateway.gateway.node;

import org.itlgateway.core.holding.Ledger;
import org.itlgateway.core.store.Database;
import org.itlgateway.core.store.DatabaseSettings;
import org.itlgateway.core.store.jpa.PostgresAccounts;
import org.itlgateway.core.store.jpa.PostgresNotices;
import org.itlgateway.core.store.jpa.PostgresProjects;
import org.itlgateway.core.store.jpa.PostgresRegistries;
import org.itlgateway.core.store.jpa.PostgresTransactions;
import org.itlgateway.core.store.jpa.PostgresUnfinishedTransactions;
import org.itlgateway.core.store.sql.PostgresHoldings;
import org.itlgateway.core.store.sql.PostgresSequences;
import org.itlgateway.gateway.delivery.GatewaySchema;

/** One node's database (its own schema) and the repositories on it, the gateway's inbox and outbox included. */
public record NodeStores(Database database, PostgresRegistries registries, PostgresAccounts accounts,
                         PostgresProjects projects, PostgresNotices notices, PostgresTransactions transactions,
                         PostgresUnfinishedTransactions unfinished, PostgresHoldings holdings,
                         PostgresSequences sequences, Ledger ledger) implements AutoCloseable {

    /** How many connections a node of a simulated network keeps (many nodes share one server). */
    public static final int SIMULATED_NODE_POOL_SIZE = 4;

    /** Opens the node's schema on the network's server, creating or upgrading its tables. */
    public static NodeStores open(DatabaseSettings server, String schema) {
        return open(server, schema, SIMULATED_NODE_POOL_SIZE);
    }

    /** The same with a pool of {@code poolSize} connections. */
    public static NodeStores open(DatabaseSettings server, String schema, int poolSize) {
        Database database = Database.start(server.withSchema(schema).withPoolSize(poolSize));
        GatewaySchema.migrate(database.dataSource(), schema);
        PostgresHoldings holdings = new PostgresHoldings(database);
        return new NodeStores(database, new PostgresRegistries(database), new PostgresAccounts(database),
                new PostgresProjects(database), new PostgresNotices(database), new PostgresTransactions(database),
                new PostgresUnfinishedTransactions(database), holdings, new PostgresSequences(database),
                new Ledger(holdings));
    }

    @Override
    public void close() {
        database.close();
    }
}
