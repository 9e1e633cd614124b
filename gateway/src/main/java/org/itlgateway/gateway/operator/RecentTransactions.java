package org.itlgateway.gateway.operator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;

/**
 * The identifiers of a node's transactions, most recently proposed first, optionally only those in one status.
 * Transactions proposed at the same moment come in the order of their sequence numbers, highest first.
 */
final class RecentTransactions {

    private RecentTransactions() {
    }

    /** Reads on the connection of the running unit of work. */
    static List<TransactionId> of(Connection connection, TransactionStatus status, int limit) throws SQLException {
        String sql = "select id from transactions" + (status == null ? "" : " where status = ?")
                + " order by proposed_at desc, length(id) desc, id desc limit ?";
        List<TransactionId> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int parameter = 1;
            if (status != null) {
                select.setInt(parameter++, status.code());
            }
            select.setInt(parameter, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(TransactionId.parse(rows.getString(1)));
                }
            }
        }
        return ids;
    }
}
