package org.itlgateway.core.store.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.itlgateway.core.store.Database;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionsTouching;
import org.itlgateway.core.unit.UnitBlockId;

/**
 * The transactions that touched some units in a period, read from {@code transactions}, {@code transaction_blocks}
 * and {@code transaction_status_changes} in the order the transactions were proposed, a batch at a time.
 */
public final class PostgresTransactionsTouching implements TransactionsTouching {

    private static final String SELECT = """
            SELECT t.id, t.proposed_at FROM transactions t
             WHERE EXISTS (SELECT 1 FROM transaction_status_changes c
                            WHERE c.transaction_id = t.id AND c.changed_at >= ? AND c.changed_at <= ?)""";
    private static final String TOUCHING = """
               AND EXISTS (SELECT 1 FROM transaction_blocks b
                             JOIN unnest(?::text[], ?::bigint[], ?::bigint[]) AS q(origin, serial_start, serial_end)
                               ON q.origin = b.originating_registry
                              AND b.serial_start <= q.serial_end AND b.serial_end >= q.serial_start
                            WHERE b.transaction_id = t.id)""";
    private static final String ORDER = " ORDER BY t.proposed_at, t.id";

    private final Database database;

    public PostgresTransactionsTouching(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void find(Instant from, Instant to, List<UnitBlockId> blocks, Consumer<TransactionId> each) {
        if (!database.inUnitOfWork()) {
            throw new IllegalStateException("an audit trail is read in a unit of work: open it inside one");
        }
        database.session().doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT + (blocks.isEmpty() ? "" : TOUCHING) + ORDER)) {
                select.setTimestamp(1, Timestamp.from(from));
                select.setTimestamp(2, Timestamp.from(to));
                if (!blocks.isEmpty()) {
                    String[] origins = new String[blocks.size()];
                    Long[] starts = new Long[blocks.size()];
                    Long[] ends = new Long[blocks.size()];
                    for (int i = 0; i < blocks.size(); i++) {
                        origins[i] = blocks.get(i).originatingRegistry().value();
                        starts[i] = blocks.get(i).range().start();
                        ends[i] = blocks.get(i).range().end();
                    }
                    select.setArray(3, connection.createArrayOf("text", origins));
                    select.setArray(4, connection.createArrayOf("bigint", starts));
                    select.setArray(5, connection.createArrayOf("bigint", ends));
                }
                select.setFetchSize(500);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        each.accept(TransactionId.parse(rows.getString(1)));
                    }
                }
            }
        });
    }
}
