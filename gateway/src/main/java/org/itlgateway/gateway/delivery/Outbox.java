package org.itlgateway.gateway.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outbox table. A message is enqueued on the connection of the business change that causes it, so both
 * commit together or not at all. The sender claims a due message with a lease (claimed_until, claimed_by) in a
 * short transaction, sends it with no transaction open, and records the outcome in another: a receipt, a retry
 * on the schedule, or, after repeated failures on this side, a dead letter kept with its reason and stack trace.
 */
public final class Outbox {

    private static final String DUE = "status = 'PENDING' and next_attempt_at <= ?"
            + " and (claimed_until is null or claimed_until <= ?)";

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

    /** The destinations that have a message due now and not leased to a sender. */
    public static List<String> dueDestinations(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select distinct destination from outbox_message where " + DUE + " order by destination")) {
            select.setTimestamp(1, Timestamp.from(now));
            select.setTimestamp(2, Timestamp.from(now));
            List<String> destinations = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    destinations.add(rows.getString(1));
                }
            }
            return destinations;
        }
    }

    /**
     * Leases the next message due now (to {@code destination}, or to any when it is null) to {@code claimer} until
     * {@code leaseUntil}; other senders skip it until the lease runs out.
     */
    public static Optional<Claimed> claimDue(Connection connection, String destination, Instant now, Instant leaseUntil,
                                             String claimer) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement(
                "update outbox_message set claimed_until = ?, claimed_by = ? where id = ("
                        + "select id from outbox_message where " + DUE
                        + (destination == null ? "" : " and destination = ?")
                        + " order by next_attempt_at, id limit 1 for update skip locked)"
                        + " returning id, destination, operation, message_key, payload_xml, attempts, faults")) {
            claim.setTimestamp(1, Timestamp.from(leaseUntil));
            claim.setString(2, claimer);
            claim.setTimestamp(3, Timestamp.from(now));
            claim.setTimestamp(4, Timestamp.from(now));
            if (destination != null) {
                claim.setString(5, destination);
            }
            try (ResultSet rows = claim.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Claimed(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getInt(6), rows.getInt(7)));
            }
        }
    }

    /**
     * The peer answered with a receipt (accepted or refused): the message is done, and the peer's other messages
     * waiting on a retry delay are due at once (it is up again).
     */
    public static void recordReceipt(Connection connection, long id, String destination, Instant at, String receiptCodes,
                                     boolean accepted) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_message set status = ?, delivered_at = ?, receipt_codes = ?, attempts = attempts + 1,"
                        + " last_error = null, claimed_until = null, claimed_by = null where id = ? and status = 'PENDING'")) {
            update.setString(1, accepted ? "DELIVERED" : "REFUSED");
            update.setTimestamp(2, Timestamp.from(at));
            update.setString(3, receiptCodes);
            update.setLong(4, id);
            update.executeUpdate();
        }
        try (PreparedStatement due = connection.prepareStatement(
                "update outbox_message set next_attempt_at = ? where destination = ? and status = 'PENDING'"
                        + " and next_attempt_at > ?")) {
            due.setTimestamp(1, Timestamp.from(at));
            due.setString(2, destination);
            due.setTimestamp(3, Timestamp.from(at));
            due.executeUpdate();
        }
    }

    /**
     * A message came from the peer: it is up again, so its messages waiting on a retry delay are due at once (the
     * delays were grown for a peer that was down; after its restart it would otherwise wait minutes). Messages
     * leased to a sender are left to it. Answers how many.
     */
    public static int dueAtOnceFor(Connection connection, String destination, Instant now) throws SQLException {
        try (PreparedStatement due = connection.prepareStatement(
                "update outbox_message set next_attempt_at = ? where destination = ? and status = 'PENDING'"
                        + " and next_attempt_at > ? and claimed_until is null")) {
            due.setTimestamp(1, Timestamp.from(now));
            due.setString(2, destination);
            due.setTimestamp(3, Timestamp.from(now));
            return due.executeUpdate();
        }
    }

    /** No receipt (the peer is down, slow or answered something unreadable): try again at {@code next}. */
    public static void scheduleRetry(Connection connection, long id, Instant next, String error) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_message set attempts = attempts + 1, next_attempt_at = ?, last_error = ?,"
                        + " claimed_until = null, claimed_by = null where id = ? and status = 'PENDING'")) {
            update.setTimestamp(1, Timestamp.from(next));
            update.setString(2, Failures.bounded(error, 2000));
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    /**
     * A failure on this side (a bug, a peer with no address): counted; below {@code limit} faults the message is
     * tried again at {@code next}, at the limit it becomes a dead letter. Answers true when it did.
     */
    public static boolean recordFault(Connection connection, long id, Instant at, Instant next, String reason, String trace,
                                      int limit) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_message set attempts = attempts + 1, faults = faults + 1, last_error = ?,"
                        + " failure_reason = ?, failure_trace = ?, next_attempt_at = ?, claimed_until = null, claimed_by = null,"
                        + " status = case when faults + 1 >= ? then 'DEAD' else status end,"
                        + " failed_at = case when faults + 1 >= ? then ? else failed_at end"
                        + " where id = ? and status = 'PENDING' returning status")) {
            update.setString(1, Failures.bounded(reason, 2000));
            update.setString(2, reason);
            update.setString(3, trace);
            update.setTimestamp(4, Timestamp.from(next));
            update.setInt(5, limit);
            update.setInt(6, limit);
            update.setTimestamp(7, Timestamp.from(at));
            update.setLong(8, id);
            try (ResultSet rows = update.executeQuery()) {
                return rows.next() && "DEAD".equals(rows.getString(1));
            }
        }
    }

    /** Sets a message aside as a dead letter at once (its stored request no longer reads: trying again cannot help). */
    public static void markDead(Connection connection, long id, Instant at, String reason, String trace) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_message set status = 'DEAD', failed_at = ?, faults = faults + 1, last_error = ?,"
                        + " failure_reason = ?, failure_trace = ?, claimed_until = null, claimed_by = null"
                        + " where id = ? and status = 'PENDING'")) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setString(2, Failures.bounded(reason, 2000));
            update.setString(3, reason);
            update.setString(4, trace);
            update.setLong(5, id);
            update.executeUpdate();
        }
    }

    /**
     * After a restart: every message waiting on a lease or a retry delay taken before it is due at once (the delays
     * were for a peer that may have been down, the leases for sends that died with the process). Answers how many.
     */
    public static int resumeAfterRestart(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_message set next_attempt_at = least(next_attempt_at, ?), claimed_until = null,"
                        + " claimed_by = null where status = 'PENDING' and (next_attempt_at > ? or claimed_until is not null)")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setTimestamp(2, Timestamp.from(now));
            return update.executeUpdate();
        }
    }

    /** A message leased to a sender, as stored: its request is read only when it is sent. */
    public record Claimed(long id, String destination, String operation, String messageKey, String payloadXml,
                          int attempts, int faults) {
    }
}
