package org.itlgateway.core.cdm;

import java.util.Objects;
import org.itlgateway.core.Sequences;
import org.itlgateway.core.account.Accounts;
import org.itlgateway.core.holding.Ledger;
import org.itlgateway.core.notice.Notices;
import org.itlgateway.core.project.Projects;
import org.itlgateway.core.registry.Registries;
import org.itlgateway.core.transaction.Transactions;
import org.itlgateway.core.transaction.UnfinishedTransactions;

/**
 * Everything the CDM registry reads and writes, as repositories: the facts every registry keeps and the CDM
 * registry's own records. Whether they live in memory or in PostgreSQL is not the registry's business.
 */
public record CdmFacts(Transactions transactions, UnfinishedTransactions unfinishedTransactions, Ledger ledger,
                       Accounts accounts, Projects projects, Notices notices, Registries registries,
                       Sequences sequences, Issuances issuances, ProjectTallies tallies,
                       VoluntaryCancellations voluntaryCancellations,
                       TemporaryHoldingAccounts temporaryHoldingAccounts) {

    public CdmFacts {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(unfinishedTransactions, "unfinished transactions");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(projects, "projects");
        Objects.requireNonNull(notices, "notices");
        Objects.requireNonNull(registries, "registries");
        Objects.requireNonNull(sequences, "sequences");
        Objects.requireNonNull(issuances, "issuances");
        Objects.requireNonNull(tallies, "tallies");
        Objects.requireNonNull(voluntaryCancellations, "voluntary cancellations");
        Objects.requireNonNull(temporaryHoldingAccounts, "temporary holding accounts");
    }
}
