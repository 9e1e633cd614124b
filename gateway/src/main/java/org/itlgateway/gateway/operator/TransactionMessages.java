package org.itlgateway.gateway.operator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.itlgateway.core.CodedValue;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.gateway.messaging.Operation;

/**
 * The messages a node sent and received about one transaction, read from its outbox and inbox tables: those whose
 * business identity is the transaction (a proposal) or the transaction and a status (a notification). Oldest
 * first; at the same moment, what was sent comes before what was received.
 */
final class TransactionMessages {

    private static final String SENT = "select destination, operation, message_key, created_at, status, delivered_at,"
            + " attempts, receipt_codes, last_error from outbox_message where message_key = ? or message_key like ?"
            + " order by id";
    private static final String RECEIVED = "select sender, operation, message_key, received_at, status, processed_at,"
            + " attempts, outcome from inbox_message where message_key = ? or message_key like ? order by id";

    private TransactionMessages() {
    }

    /** Reads on the connection of the running unit of work. */
    static List<MessageView> of(Connection connection, TransactionId id) throws SQLException {
        List<MessageView> messages = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SENT)) {
            bind(select, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    messages.add(new MessageView("sent", wireName(rows.getString(2)), rows.getString(1), rows.getString(3),
                            notifiedStatus(rows.getString(3)), instant(rows.getTimestamp(4)), rows.getString(5),
                            instant(rows.getTimestamp(6)), rows.getInt(7), rows.getString(8), null, rows.getString(9)));
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement(RECEIVED)) {
            bind(select, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    messages.add(new MessageView("received", wireName(rows.getString(2)), rows.getString(1),
                            rows.getString(3), notifiedStatus(rows.getString(3)), instant(rows.getTimestamp(4)),
                            rows.getString(5), instant(rows.getTimestamp(6)), rows.getInt(7), null, rows.getString(8), null));
                }
            }
        }
        // A stable sort: each table's rows stay in the order they were written.
        messages.sort(Comparator.comparing(MessageView::at).thenComparing(m -> m.direction().equals("sent") ? 0 : 1));
        return messages;
    }

    private static void bind(PreparedStatement select, TransactionId id) throws SQLException {
        select.setString(1, id.toString());
        select.setString(2, id + "/%");
    }

    private static String wireName(String operation) {
        try {
            return Operation.valueOf(operation).wireName();
        } catch (IllegalArgumentException unknown) {
            return operation;
        }
    }

    /** The status a notification's identity ends in ({@code CDM1/4}), if it is one. */
    private static CodeView notifiedStatus(String key) {
        int slash = key.lastIndexOf('/');
        if (slash < 0) {
            return null;
        }
        try {
            TransactionStatus status = CodedValue.fromCodeOrNull(TransactionStatus.class,
                    Integer.parseInt(key.substring(slash + 1)));
            return status == null ? null : TransactionView.statusOf(status);
        } catch (NumberFormatException notAStatus) {
            return null;
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
