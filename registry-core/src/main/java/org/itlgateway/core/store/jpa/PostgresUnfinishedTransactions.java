package org.itlgateway.core.store.jpa;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.itlgateway.core.store.Database;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.UnfinishedTransactions;

/** The transactions not final yet, found through the partial index on their time of proposal. */
public final class PostgresUnfinishedTransactions implements UnfinishedTransactions {

    private final Database database;

    public PostgresUnfinishedTransactions(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public List<Transaction> proposedNoLaterThan(Instant cutoff) {
        return database.call(() -> database.session()
                .createSelectionQuery("from TransactionRow t where t.status not in (4, 5, 6, 7) and t.proposedAt <= :cutoff"
                        + " order by t.proposedAt, t.id", TransactionRow.class)
                .setParameter("cutoff", cutoff)
                .getResultList()
                .stream()
                .map(TransactionRow::toTransaction)
                .toList());
    }
}
