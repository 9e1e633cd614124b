package org.itlgateway.simulator.network;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.itlgateway.core.account.Account;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.Accounts;
import org.itlgateway.core.registry.RegistryCode;

/**
 * The accounts a log knows: for a registry the simulator plays, the accounts that registry keeps (it publishes
 * them as it opens them); for any other registry, those recorded in the log's own table (from its profile).
 */
final class PublishedAccounts implements Accounts {

    private final Accounts own;
    private final Function<RegistryCode, Optional<Accounts>> registryAccounts;

    PublishedAccounts(Accounts own, Function<RegistryCode, Optional<Accounts>> registryAccounts) {
        this.own = own;
        this.registryAccounts = registryAccounts;
    }

    @Override
    public Optional<Account> find(AccountRef ref) {
        return registryAccounts.apply(ref.registry()).map(accounts -> accounts.find(ref)).orElseGet(() -> own.find(ref));
    }

    @Override
    public Optional<Account> findByIdentifier(RegistryCode registry, long identifier) {
        return registryAccounts.apply(registry).map(accounts -> accounts.findByIdentifier(registry, identifier))
                .orElseGet(() -> own.findByIdentifier(registry, identifier));
    }

    @Override
    public List<Account> of(RegistryCode registry) {
        return registryAccounts.apply(registry).map(accounts -> accounts.of(registry)).orElseGet(() -> own.of(registry));
    }

    @Override
    public void save(Account account) {
        own.save(account);
    }
}
