package org.itlgateway.core.store.jpa;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.itlgateway.core.account.Account;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.Accounts;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.store.Database;

/** The accounts a node knows, in its database. Each call joins the running unit of work or runs in its own. */
public final class PostgresAccounts implements Accounts {

    private final Database database;

    public PostgresAccounts(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<Account> find(AccountRef ref) {
        return database.call(() -> Optional.ofNullable(database.session().find(AccountRow.class, AccountColumns.of(ref)))
                .map(AccountRow::toAccount));
    }

    @Override
    public Optional<Account> findByIdentifier(RegistryCode registry, long identifier) {
        return database.call(() -> database.session()
                .createSelectionQuery("from AccountRow a where a.key.accountRegistry = :registry"
                        + " and a.key.accountIdentifier = :identifier"
                        + " order by a.key.accountType, a.key.accountPeriod", AccountRow.class)
                .setParameter("registry", registry.value())
                .setParameter("identifier", identifier)
                .setMaxResults(1)
                .uniqueResultOptional()
                .map(AccountRow::toAccount));
    }

    @Override
    public List<Account> of(RegistryCode registry) {
        return database.call(() -> database.session()
                .createSelectionQuery("from AccountRow a where a.key.accountRegistry = :registry"
                        + " order by a.key.accountType, a.key.accountIdentifier, a.key.accountPeriod", AccountRow.class)
                .setParameter("registry", registry.value())
                .getResultStream()
                .map(AccountRow::toAccount)
                .toList());
    }

    @Override
    public void save(Account account) {
        database.run(() -> database.session().merge(AccountRow.of(account)));
    }
}
