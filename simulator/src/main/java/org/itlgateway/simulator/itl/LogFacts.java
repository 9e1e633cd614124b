package org.itlgateway.simulator.itl;

import java.util.Objects;
import org.itlgateway.core.account.Accounts;
import org.itlgateway.core.holding.Holdings;
import org.itlgateway.core.holding.Ledger;
import org.itlgateway.core.notice.Notices;
import org.itlgateway.core.project.Projects;
import org.itlgateway.core.registry.Registries;
import org.itlgateway.core.transaction.Transactions;
import org.itlgateway.core.transaction.UnfinishedTransactions;

/**
 * What a transaction log knows: the registries and their accounts, the project reference table, its notices,
 * every transaction it has seen, and its mirror of every registry's holdings (a ledger across registries).
 */
public record LogFacts(Registries registries, Accounts accounts, Projects projects, Notices notices,
                       Transactions transactions, UnfinishedTransactions unfinished, Holdings holdings, Ledger mirror,
                       CurrentParameters parameters) {

    public LogFacts {
        Objects.requireNonNull(registries, "registries");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(projects, "projects");
        Objects.requireNonNull(notices, "notices");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(unfinished, "unfinished transactions");
        Objects.requireNonNull(holdings, "holdings");
        Objects.requireNonNull(mirror, "mirror");
        Objects.requireNonNull(parameters, "parameters");
    }
}
