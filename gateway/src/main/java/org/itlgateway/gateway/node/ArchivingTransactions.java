package org.itlgateway.gateway.node;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.itlgateway.core.store.Database;
import org.itlgateway.core.transaction.StatusChange;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.transaction.Transactions;
import org.itlgateway.gateway.evidence.EvidenceArchive;
import org.itlgateway.gateway.evidence.EvidenceKind;
import org.itlgateway.gateway.evidence.StatusChangeText;

/**
 * The node's transactions, each status a save stores also appended to the evidence archive in the same unit of work:
 * the status and its record commit together or not at all. Every status change of the node goes through a save
 * (the lifecycle's, the reconciliation's, the operator's), so none escapes the archive, and none is archived
 * twice: only the statuses beyond those already stored are.
 */
final class ArchivingTransactions implements Transactions {

    private final Transactions stored;
    private final Database database;
    private final DatabaseTransactor transactor;

    ArchivingTransactions(Transactions stored, Database database) {
        this.stored = stored;
        this.database = database;
        this.transactor = new DatabaseTransactor(database);
    }

    @Override
    public Optional<Transaction> find(TransactionId id) {
        return stored.find(id);
    }

    @Override
    public List<TransactionId> recent(Optional<TransactionStatus> status, int limit) {
        return stored.recent(status, limit);
    }

    @Override
    public void save(Transaction transaction) {
        database.run(() -> {
            int before = stored.find(transaction.id()).map(known -> known.history().size()).orElse(0);
            stored.save(transaction);
            List<StatusChange> history = transaction.history();
            if (history.size() <= before) {
                return;
            }
            transactor.inTransaction(connection -> {
                for (int i = before; i < history.size(); i++) {
                    StatusChange change = history.get(i);
                    byte[] text = StatusChangeText.of(transaction.id(), i + 1, change).getBytes(StandardCharsets.UTF_8);
                    EvidenceArchive.append(connection, EvidenceKind.STATUS_CHANGE, change.at(), null,
                            transaction.id().toString(), null, text);
                }
                return null;
            });
        });
    }
}
