package org.itlgateway.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.itlgateway.core.transaction.TransactionStatus;

/**
 * How many of a node's transactions are in each status now: one read-only query outside any unit of work, for the
 * node's meters ({@code itl_transactions}). Every status is answered, zero when none is in it.
 */
public final class TransactionCounts {

    private TransactionCounts() {
    }

    /** The number of transactions in each status. */
    public static Map<TransactionStatus, Long> byStatus(Database database) {
        Objects.requireNonNull(database, "database");
        Map<TransactionStatus, Long> counts = new EnumMap<>(TransactionStatus.class);
        for (TransactionStatus status : TransactionStatus.values()) {
            counts.put(status, 0L);
        }
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select status, count(*) from transactions group by status");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                int code = rows.getInt(1);
                for (TransactionStatus status : TransactionStatus.values()) {
                    if (status.code() == code) {
                        counts.put(status, rows.getLong(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the transactions cannot be counted: " + e.getMessage(), e);
        }
        return counts;
    }
}
