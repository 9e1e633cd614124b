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
 * The inbox table: received messages, kept until processed; at most one per business identity. A message the
 * node could not process is kept aside as a dead letter (status DEAD) with its reason and stack trace.
 */
public final class Inbox {

    /** What recording a message found. */
    public enum Recorded {
        /** Kept: it will be processed. */
        NEW,
        /** The same message was received before: nothing new to process. */
        SAME_AS_BEFORE,
        /** A message with this identity but other content was received before: refused. */
        DIFFERENT_FROM_BEFORE
    }

    private Inbox() {
    }

    /**
     * Keeps a received message: {@code payloadXml} is the request as verified and read, written by
     * {@link PayloadCodec#marshal} (what the processor will read); {@code rawXml} the bytes as received, kept in the
     * row (for a receiver that keeps no evidence record of them).
     */
    public static Recorded record(Connection connection, Operation operation, String sender, String key, String digest,
                                  Instant receivedAt, String payloadXml, byte[] rawXml) throws SQLException {
        return keep(connection, operation, sender, key, digest, receivedAt, payloadXml, rawXml);
    }

    /**
     * Keeps a received message whose bytes as received will be the content of an evidence record appended in this
     * transaction: the row holds no copy of them, and {@link #namesEvidence} then names the record. Until then (in
     * this transaction only) the row has no bytes.
     */
    public static Recorded recordForEvidence(Connection connection, Operation operation, String sender, String key,
                                             String digest, Instant receivedAt, String payloadXml) throws SQLException {
        return keep(connection, operation, sender, key, digest, receivedAt, payloadXml, null);
    }

    /**
     * Names evidence record {@code evidenceSequence} as the bytes of the message just kept by
     * {@link #recordForEvidence} (not of one kept before: a message received again keeps its first bytes).
     */
    public static void namesEvidence(Connection connection, Operation operation, String sender, String key,
                                     long evidenceSequence) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update inbox_message set evidence_sequence = ? where operation = ? and sender = ? and message_key = ?"
                        + " and raw_xml is null and evidence_sequence is null")) {
            update.setLong(1, evidenceSequence);
            update.setString(2, operation.name());
            update.setString(3, sender);
            update.setString(4, key);
            update.executeUpdate();
        }
    }

    private static Recorded keep(Connection connection, Operation operation, String sender, String key, String digest,
                                 Instant receivedAt, String payloadXml, byte[] rawXml) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into inbox_message (operation, sender, message_key, content_digest, received_at, payload_xml,"
                        + " raw_xml) values (?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict on constraint inbox_message_identity do nothing")) {
            insert.setString(1, operation.name());
            insert.setString(2, sender);
            insert.setString(3, key);
            insert.setString(4, digest);
            insert.setTimestamp(5, Timestamp.from(receivedAt));
            insert.setString(6, payloadXml);
            insert.setBytes(7, rawXml);
            if (insert.executeUpdate() == 1) {
                return Recorded.NEW;
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "select content_digest from inbox_message where operation = ? and sender = ? and message_key = ?")) {
            select.setString(1, operation.name());
            select.setString(2, sender);
            select.setString(3, key);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1).equals(digest) ? Recorded.SAME_AS_BEFORE : Recorded.DIFFERENT_FROM_BEFORE;
            }
        }
    }

    /**
     * The oldest unprocessed message, locked for this transaction; other processors skip it (several gateway
     * instances can share one database).
     */
    public static Optional<InboxEntry> claimNext(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select message.id, message.operation, message.sender, message.message_key, message.received_at,"
                        + " message.payload_xml, coalesce(message.raw_xml, evidence.content) from inbox_message message"
                        + " left join evidence_record evidence on evidence.sequence = message.evidence_sequence"
                        + " where message.status = 'RECEIVED' order by message.id limit 1 for update of message skip locked")) {
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new InboxEntry(rows.getLong(1), Operation.valueOf(rows.getString(2)), rows.getString(3),
                        rows.getString(4), rows.getTimestamp(5).toInstant(), rows.getString(6), rows.getBytes(7)));
            }
        }
    }

    public static void markProcessed(Connection connection, long id, Instant at, String outcome) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update inbox_message set status = 'PROCESSED', processed_at = ?, outcome = ?, attempts = attempts + 1"
                        + " where id = ?")) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setString(2, Failures.bounded(outcome, 2000));
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    /**
     * Sets a message aside as a dead letter, with why and the stack trace; answers false when it is no longer
     * waiting (another instance processed it meanwhile).
     */
    public static boolean markDead(Connection connection, long id, Instant at, String reason, String trace)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update inbox_message set status = 'DEAD', failed_at = ?, outcome = ?, failure_reason = ?,"
                        + " failure_trace = ?, attempts = attempts + 1 where id = ? and status = 'RECEIVED'")) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setString(2, "dead letter: " + Failures.bounded(reason, 1980));
            update.setString(3, reason);
            update.setString(4, trace);
            update.setLong(5, id);
            return update.executeUpdate() == 1;
        }
    }

    /** How many messages wait for processing. */
    public static int pending(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("select count(*) from inbox_message where status = 'RECEIVED'");
             ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
