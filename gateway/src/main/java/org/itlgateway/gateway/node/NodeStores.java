package org.itlgateway.gateway.node;

import org.itlgateway.core.Sequences;
import org.itlgateway.core.account.Accounts;
import org.itlgateway.core.holding.GroupSnapshots;
import org.itlgateway.core.holding.HoldingSnapshots;
import org.itlgateway.core.holding.Holdings;
import org.itlgateway.core.holding.Ledger;
import org.itlgateway.core.notice.Notices;
import org.itlgateway.core.project.Projects;
import org.itlgateway.core.registry.Registries;
import org.itlgateway.core.store.Database;
import org.itlgateway.core.store.DatabaseSettings;
import org.itlgateway.core.store.Repositories;
import org.itlgateway.core.transaction.Transactions;
import org.itlgateway.core.transaction.UnfinishedTransactions;
import org.itlgateway.gateway.delivery.GatewaySchema;

/**
 * One node's database (its own schema), the domain's repositories on it, and the gateway's own tables (inbox,
 * outbox, seen messages, reconciliations, evidence archive) migrated beside them.
 */
public record NodeStores(Database database, Repositories repositories) implements AutoCloseable {

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
        return new NodeStores(database, archiving(Repositories.on(database), database));
    }

    /** The repositories with every status a transaction reaches appended to the evidence archive as it is saved. */
    private static Repositories archiving(Repositories r, Database database) {
        return new Repositories(r.registries(), r.accounts(), r.projects(), r.notices(),
                new ArchivingTransactions(r.transactions(), database), r.unfinished(), r.holdings(), r.snapshots(),
                r.groupSnapshots(), r.touching(), r.sequences(), r.ledger());
    }

    public Registries registries() {
        return repositories.registries();
    }

    public Accounts accounts() {
        return repositories.accounts();
    }

    public Projects projects() {
        return repositories.projects();
    }

    public Notices notices() {
        return repositories.notices();
    }

    public Transactions transactions() {
        return repositories.transactions();
    }

    public UnfinishedTransactions unfinished() {
        return repositories.unfinished();
    }

    public Holdings holdings() {
        return repositories.holdings();
    }

    public HoldingSnapshots snapshots() {
        return repositories.snapshots();
    }

    public GroupSnapshots groupSnapshots() {
        return repositories.groupSnapshots();
    }

    public Sequences sequences() {
        return repositories.sequences();
    }

    public Ledger ledger() {
        return repositories.ledger();
    }

    @Override
    public void close() {
        database.close();
    }
}
