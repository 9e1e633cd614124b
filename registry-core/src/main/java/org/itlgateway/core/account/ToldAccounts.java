package org.itlgateway.core.account;

import java.util.List;
import java.util.Optional;
import org.itlgateway.core.registry.RegistryCode;

/**
 * The accounts a transaction log knows: only those it was told of. No message of the DES tells a log a registry's
 * accounts, so it never knows all of them: it cannot say an account does not exist (3004, 3005), only that one it was
 * told of is not open (3008, 3009). The CITL's own checks name the EU accounts it was told of (7020, 7021).
 */
public final class ToldAccounts implements Accounts {

    private final Accounts table;

    /** Over the table of the accounts the log was told of. */
    public ToldAccounts(Accounts table) {
        this.table = table;
    }

    @Override
    public Optional<Account> find(AccountRef ref) {
        return table.find(ref);
    }

    @Override
    public Optional<Account> findByIdentifier(RegistryCode registry, long identifier) {
        return table.findByIdentifier(registry, identifier);
    }

    @Override
    public List<Account> of(RegistryCode registry) {
        return table.of(registry);
    }

    @Override
    public void save(Account account) {
        table.save(account);
    }

    @Override
    public boolean knowsEveryAccountOf(RegistryCode registry) {
        return false;
    }
}
