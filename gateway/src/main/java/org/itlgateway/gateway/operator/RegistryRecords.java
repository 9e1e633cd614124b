package org.itlgateway.gateway.operator;

import java.util.Objects;
import org.itlgateway.core.Sequences;
import org.itlgateway.core.account.Accounts;
import org.itlgateway.core.holding.Ledger;
import org.itlgateway.core.notice.Notices;
import org.itlgateway.core.store.Database;
import org.itlgateway.core.transaction.Transactions;

/**
 * What the operator API reads and writes of a registry: its database (where the gateway's inbox and outbox are
 * too) and the repositories on it.
 *
 * @param database     the node's database; every request runs in one unit of work on it
 * @param transactions the registry's transactions
 * @param accounts     its accounts
 * @param ledger       its holdings
 * @param sequences    its counters (transaction identifiers of proposals made through the API)
 * @param notices      the ITL notices it received
 */
public record RegistryRecords(Database database, Transactions transactions, Accounts accounts, Ledger ledger,
                              Sequences sequences, Notices notices) {

    public RegistryRecords {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(sequences, "sequences");
        Objects.requireNonNull(notices, "notices");
    }
}
