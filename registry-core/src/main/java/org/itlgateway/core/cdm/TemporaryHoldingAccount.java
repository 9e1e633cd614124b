package org.itlgateway.core.cdm;

import java.util.Objects;
import org.itlgateway.core.account.AccountRef;

/**
 * A holding account in the CDM registry that keeps a participant's units while the registry they go to (usually
 * an Annex I Party's) is not connected; once it is, all such accounts are forwarded in one transaction.
 *
 * @param account     the temporary holding account (type 120)
 * @param participant the project participant it holds for
 * @param destination the account the units go to in the end
 */
public record TemporaryHoldingAccount(AccountRef account, String participant, AccountRef destination) {

    public TemporaryHoldingAccount {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(destination, "destination");
        participant = participant == null ? "" : participant;
    }
}
