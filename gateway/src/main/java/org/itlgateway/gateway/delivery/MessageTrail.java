package org.itlgateway.gateway.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.gateway.messaging.Operation;

/**
 * The messages a node sent and received about one transaction, read from its outbox and inbox tables: those whose
 * business identity is the transaction (a proposal) or the transaction and a status (a notification). Oldest
 * first; at the same moment, what was sent comes before what was received.
 */
public final class MessageTrail {

    /**
     * One message of the trail.
     *
     * @param sent         sent (from the outbox), or received (in the inbox)
     * @param operation    the operation on the wire, e.g. {@code acceptProposal}
     * @param peer         where it went, or who sent it
     * @param key          its business identity: the transaction, and for a notification its status ({@code CDM1/2})
     * @param at           when it was written to the outbox, or received
     * @param state        outbox: PENDING, DELIVERED or REFUSED; inbox: RECEIVED, PROCESSED or FAILED
     * @param doneAt       when it was delivered, or processed
     * @param attempts     how many times it was sent, or processed
     * @param receiptCodes sent: the response codes of a refusing receipt
     * @param outcome      received: what processing it did
     * @param lastError    sent: why the last attempt got no receipt
     */
    public record Entry(boolean sent, String operation, String peer, String key, Instant at, String state,
                        Instant doneAt, int attempts, String receiptCodes, String outcome, String lastError) {
    }

    private static final String SENT = "select destination, operation, message_key, created_at, status, delivered_at,"
            + " attempts, receipt_codes, last_error from outbox_message where message_key = ? or message_key like ?"
            + " order by id";
    private static final String RECEIVED = "select sender, operation, message_key, received_at, status, processed_at,"
            + " attempts, outcome from inbox_message where message_key = ? or message_key like ? order by id";

    private MessageTrail() {
    }

    /** Reads on the connection of the running unit of work. */
    public static List<Entry> about(Connection connection, TransactionId id) throws SQLException {
        List<Entry> messages = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SENT)) {
            bind(select, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    messages.add(new Entry(true, wireName(rows.getString(2)), rows.getString(1), rows.getString(3),
                            instant(rows.getTimestamp(4)), rows.getString(5), instant(rows.getTimestamp(6)),
                            rows.getInt(7), rows.getString(8), null, rows.getString(9)));
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement(RECEIVED)) {
            bind(select, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    messages.add(new Entry(false, wireName(rows.getString(2)), rows.getString(1), rows.getString(3),
                            instant(rows.getTimestamp(4)), rows.getString(5), instant(rows.getTimestamp(6)),
                            rows.getInt(7), null, rows.getString(8), null));
                }
            }
        }
        // A stable sort: each table's rows stay in the order they were written.
        messages.sort(Comparator.comparing(Entry::at).thenComparing(m -> m.sent() ? 0 : 1));
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

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
