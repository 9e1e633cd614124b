package org.itlgateway.core.store.jpa;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.Session;
import org.itlgateway.core.store.Database;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.transaction.Transactions;

/**
 * The transactions a node knows, in its database: the proposal is stored once, then each save adds the statuses
 * reached since. Two units of work that read the same transaction and both add a status cannot both commit: the
 * second fails with an optimistic locking error ({@link jakarta.persistence.OptimisticLockException}) and changes
 * nothing. Each call joins the running unit of work or
 * runs in its own.
 */
public final class PostgresTransactions implements Transactions {

    private final Database database;

    public PostgresTransactions(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<Transaction> find(TransactionId id) {
        return database.call(() -> Optional.ofNullable(database.session().find(TransactionRow.class, id.toString()))
                .map(TransactionRow::toTransaction));
    }

    @Override
    public List<TransactionId> recent(Optional<TransactionStatus> status, int limit) {
        // identifiers of one moment by sequence number: a longer identifier (same registry) has the higher number
        String sql = "select id from transactions" + (status.isPresent() ? " where status = :status" : "")
                + " order by proposed_at desc, length(id) desc, id desc limit :limit";
        return database.call(() -> {
            var query = database.session().createNativeQuery(sql, String.class).setParameter("limit", limit);
            status.ifPresent(wanted -> query.setParameter("status", wanted.code()));
            return query.getResultList().stream().map(TransactionId::parse).toList();
        });
    }

    @Override
    public void save(Transaction transaction) {
        database.run(() -> {
            Session session = database.session();
            TransactionRow stored = session.find(TransactionRow.class, transaction.id().toString());
            if (stored == null) {
                session.persist(TransactionRow.of(transaction));
            } else {
                // Raises the version now: a second writer that read the same version waits for the first and
                // then fails here, before it writes anything.
                session.lock(stored, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
                stored.record(transaction.history());
            }
        });
    }
}
