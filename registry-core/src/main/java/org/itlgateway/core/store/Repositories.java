package org.itlgateway.core.store;

import java.util.Objects;
import org.itlgateway.core.Sequences;
import org.itlgateway.core.account.Accounts;
import org.itlgateway.core.holding.GroupSnapshots;
import org.itlgateway.core.holding.HoldingSnapshots;
import org.itlgateway.core.holding.Holdings;
import org.itlgateway.core.holding.Ledger;
import org.itlgateway.core.notice.Notices;
import org.itlgateway.core.project.Projects;
import org.itlgateway.core.registry.Registries;
import org.itlgateway.core.store.jpa.PostgresAccounts;
import org.itlgateway.core.store.jpa.PostgresNotices;
import org.itlgateway.core.store.jpa.PostgresProjects;
import org.itlgateway.core.store.jpa.PostgresRegistries;
import org.itlgateway.core.store.jpa.PostgresTransactions;
import org.itlgateway.core.store.jpa.PostgresUnfinishedTransactions;
import org.itlgateway.core.store.sql.PostgresGroupSnapshots;
import org.itlgateway.core.store.sql.PostgresHoldings;
import org.itlgateway.core.store.sql.PostgresSequences;
import org.itlgateway.core.store.sql.PostgresTransactionsTouching;
import org.itlgateway.core.transaction.Transactions;
import org.itlgateway.core.transaction.TransactionsTouching;
import org.itlgateway.core.transaction.UnfinishedTransactions;

/**
 * What a node keeps of the domain, as the domain's own interfaces over one database: registries, accounts,
 * projects, notices, transactions (those not final, those that touched some units), holdings with their ledger and snapshots, and counters.
 * Code outside the store reaches the tables only through these; which classes implement them is the store's business.
 */
public record Repositories(Registries registries, Accounts accounts, Projects projects, Notices notices,
                           Transactions transactions, UnfinishedTransactions unfinished, Holdings holdings,
                           HoldingSnapshots snapshots, GroupSnapshots groupSnapshots, TransactionsTouching touching,
                           Sequences sequences, Ledger ledger) {

    public Repositories {
        Objects.requireNonNull(registries, "registries");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(projects, "projects");
        Objects.requireNonNull(notices, "notices");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(unfinished, "unfinished transactions");
        Objects.requireNonNull(holdings, "holdings");
        Objects.requireNonNull(snapshots, "holding snapshots");
        Objects.requireNonNull(groupSnapshots, "group snapshots");
        Objects.requireNonNull(touching, "transactions touching units");
        Objects.requireNonNull(sequences, "sequences");
        Objects.requireNonNull(ledger, "ledger");
    }

    /**
     * The repositories on {@code database}. Each call joins the running unit of work or runs in its own; the ledger
     * changes holdings only inside a unit of work.
     */
    public static Repositories on(Database database) {
        Objects.requireNonNull(database, "database");
        PostgresHoldings holdings = new PostgresHoldings(database);
        return new Repositories(new PostgresRegistries(database), new PostgresAccounts(database),
                new PostgresProjects(database), new PostgresNotices(database), new PostgresTransactions(database),
                new PostgresUnfinishedTransactions(database), holdings, holdings, new PostgresGroupSnapshots(database),
                new PostgresTransactionsTouching(database), new PostgresSequences(database), new Ledger(holdings));
    }
}
