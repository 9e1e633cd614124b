package org.itlgateway.core.cdm;

import java.util.List;
import java.util.Optional;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.registry.RegistryCode;

/** The CDM registry's temporary holding accounts. */
public interface TemporaryHoldingAccounts {

    Optional<TemporaryHoldingAccount> find(AccountRef account);

    /** The temporary holding accounts whose units go to {@code registry}, by account identifier. */
    List<TemporaryHoldingAccount> forDestinationRegistry(RegistryCode registry);

    /** Adds or replaces a temporary holding account. */
    void save(TemporaryHoldingAccount account);
}
