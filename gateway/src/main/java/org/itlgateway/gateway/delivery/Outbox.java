package org.itlgateway.gateway.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.itlgateway.gateway.messaging.Operation;

/**
 * The outbox table. A message is enqueued on the connection of the business change that causes it, so both
 * commit together or not at all; the sender delivers it afterwards.
 */
public final class Outbox {

    private Outbox() {
    }

    /** Enqueues a message; enqueuing the same message again (same destination, operation and key) does nothing. */
    public static boolean enqueue(Connection connection, OutboundMessage message, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into outbox_message (destination, operation, message_key, payload_xml, created_at, next_attempt_at)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict on constraint outbox_message_identity do nothing")) {
            insert.setString(1, message.destination());
            insert.setString(2, message.operation().name());
            insert.setString(3, message.messageKey());
            insert.setString(4, PayloadCodec.marshal(message.request()));
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setTimestamp(6, Timestamp.from(now));
            return insert.executeUpdate() == 1;
        }
    }

    /** A message due for delivery, locked for this transaction; other senders skip it. */
    public static Optional<PendingDelivery> claimDue(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select id, destination, operation, message_key, payload_xml, attempts from outbox_message"
                        + " where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at, id"
                        + " limit 1 for update skip locked")) {
            select.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                OutboundMessage message = new OutboundMessage(rows.getString(2), Operation.valueOf(rows.getString(3)),
                        rows.getString(4), PayloadCodec.unmarshal(rows.getString(5)));
                return Optional.of(new PendingDelivery(rows.getLong(1), message, rows.getInt(6)));
            }
        }
    }

    public static void markDelivered(Connection connection, long id, Instant at, String receiptCodes, boolean accepted)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_message set status = ?, delivered_at = ?, receipt_codes = ?, attempts = attempts + 1,"
                        + " last_error = null where id = ?")) {
            update.setString(1, accepted ? "DELIVERED" : "REFUSED");
            update.setTimestamp(2, Timestamp.from(at));
            update.setString(3, receiptCodes);
            update.setLong(4, id);
            update.executeUpdate();
        }
    }

    public static void scheduleRetry(Connection connection, long id, Instant next, String error) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_message set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ?")) {
            update.setTimestamp(1, Timestamp.from(next));
            update.setString(2, error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error);
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    /** A claimed message with how many times it was tried before. */
    public record PendingDelivery(long id, OutboundMessage message, int attempts) {
    }
}
