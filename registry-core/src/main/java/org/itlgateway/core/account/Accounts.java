package org.itlgateway.core.account;

import java.util.List;
import java.util.Optional;
import org.itlgateway.core.registry.RegistryCode;

/** The accounts a node knows (a registry: its own; the log: those registries have told it of). */
public interface Accounts {

    /** The account with this registry, type, identifier and period. */
    Optional<Account> find(AccountRef ref);

    /** The account with this identifier in a registry, whatever the type and period named. */
    Optional<Account> findByIdentifier(RegistryCode registry, long identifier);

    /** Every account of {@code registry} this node keeps, by account type, identifier and commitment period. */
    List<Account> of(RegistryCode registry);

    /** Adds or replaces an account. */
    void save(Account account);

    /**
     * Whether this table holds every account of {@code registry}, so that an account it lacks does not exist. A
     * registry keeps all its own accounts; a transaction log keeps only the accounts it is told of, so it cannot say
     * that one of a registry's accounts does not exist.
     */
    default boolean knowsEveryAccountOf(RegistryCode registry) {
        return true;
    }
}
