package org.itlgateway.core.store;

import org.itlgateway.core.cdm.CdmFacts;
import org.itlgateway.core.store.sql.PostgresIssuances;
import org.itlgateway.core.store.sql.PostgresProjectTallies;
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
        Repositories repositories = Repositories.on(database);
        return new CdmFacts(repositories.transactions(), repositories.unfinished(), repositories.ledger(),
                repositories.accounts(), repositories.projects(), repositories.notices(), repositories.registries(),
                repositories.sequences(), new PostgresIssuances(database), new PostgresProjectTallies(database),
                new PostgresVoluntaryCancellations(database), new PostgresTemporaryHoldingAccounts(database));
    }
}
