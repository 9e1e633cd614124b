package org.itlgateway.core.store;

import java.util.Objects;
import org.itlgateway.core.cdm.CdmFacts;
import org.itlgateway.core.holding.Ledger;
import org.itlgateway.core.store.jpa.PostgresAccounts;
import org.itlgateway.core.store.jpa.PostgresNotices;
import org.itlgateway.core.store.jpa.PostgresProjects;
import org.itlgateway.core.store.jpa.PostgresRegistries;
import org.itlgateway.core.store.jpa.PostgresTransactions;
import org.itlgateway.core.store.jpa.PostgresUnfinishedTransactions;
import org.itlgateway.core.store.sql.PostgresHoldings;
import org.itlgateway.core.store.sql.PostgresIssuances;
import org.itlgateway.core.store.sql.PostgresProjectTallies;
import org.itlgateway.core.store.sql.PostgresSequences;
import org.itlgateway.core.store.sql.PostgresTemporaryHoldingAccounts;
import org.itlgateway.core.store.sql.PostgresVoluntaryCancellations;

/**
 * The CDM registry's facts kept entirely in PostgreSQL, so that a CDM registry node finds its issuances, tallies,
 * voluntary cancellations, attestations and temporary holding accounts again after a restart.
 */
public final class CdmStores {

    private CdmStores() {
    }

    /**
     * Every fact the CDM registry reads and writes, in {@code database}: transactions, the ledger of holdings,
     * accounts, projects, notices, registries and counters, and the registry's own records. The ledger changes
     * holdings only inside a unit of work, so run the registry's operations in units of work of this database.
     */
    public static CdmFacts facts(Database database) {
        Objects.requireNonNull(database, "database");
        return new CdmFacts(new PostgresTransactions(database), new PostgresUnfinishedTransactions(database),
                new Ledger(new PostgresHoldings(database)), new PostgresAccounts(database),
                new PostgresProjects(database), new PostgresNotices(database), new PostgresRegistries(database),
                new PostgresSequences(database), new PostgresIssuances(database), new PostgresProjectTallies(database),
                new PostgresVoluntaryCancellations(database), new PostgresTemporaryHoldingAccounts(database));
    }
}
