package org.itlgateway.gateway.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The messages set aside in the inbox and the outbox (status DEAD): what they are, why they failed and where,
 * and the operator's two ways out: try again (the inbox processes it again; the outbox sends it again, its fault
 * count reset) or discard (kept as DISCARDED, never taken again).
 */
public final class DeadLetters {

    /** Which table a dead letter is in. */
    public enum Kind {
        INBOX("inbox_message", "sender", "received_at", "RECEIVED"),
        OUTBOX("outbox_message", "destination", "created_at", "PENDING");

        private final String table;
        private final String peer;
        private final String created;
        private final String retried;

        Kind(String table, String peer, String created, String retried) {
            this.table = table;
            this.peer = peer;
            this.created = created;
            this.retried = retried;
        }

        /** {@code inbox} or {@code outbox}; empty for anything else. */
        public static Optional<Kind> named(String name) {
            for (Kind kind : values()) {
                if (kind.label().equals(name)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The status a message takes again when retried. */
        public String retriedStatus() {
            return retried;
        }
    }

    /**
     * One dead letter.
     *
     * @param peer   who sent it (inbox) or where it goes (outbox)
     * @param trace  the stack trace of the failure that set it aside
     */
    public record DeadLetter(Kind kind, long id, String operation, String peer, String messageKey, Instant createdAt,
                             Instant failedAt, int attempts, String reason, String trace) {
    }

    private DeadLetters() {
    }

    /** Every dead letter of a kind, oldest first, at most {@code limit}. */
    public static List<DeadLetter> list(Connection connection, Kind kind, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select id, operation, " + kind.peer + ", message_key, "
                + kind.created + ", failed_at, attempts, failure_reason, failure_trace from " + kind.table
                + " where status = 'DEAD' order by id limit ?")) {
            select.setInt(1, limit);
            List<DeadLetter> letters = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    letters.add(new DeadLetter(kind, rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), instant(rows.getTimestamp(5)), instant(rows.getTimestamp(6)), rows.getInt(7),
                            rows.getString(8), rows.getString(9)));
                }
            }
            return letters;
        }
    }

    /** Puts a dead letter back to be processed or sent again at once; false when there is no such dead letter. */
    public static boolean retry(Connection connection, Kind kind, long id, Instant now) throws SQLException {
        String sql = kind == Kind.INBOX
                ? "update inbox_message set status = 'RECEIVED' where id = ? and status = 'DEAD'"
                : "update outbox_message set status = 'PENDING', faults = 0, next_attempt_at = ?, claimed_until = null,"
                        + " claimed_by = null where id = ? and status = 'DEAD'";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            if (kind == Kind.INBOX) {
                update.setLong(1, id);
            } else {
                update.setTimestamp(1, Timestamp.from(now));
                update.setLong(2, id);
            }
            return update.executeUpdate() == 1;
        }
    }

    /** Discards a dead letter for good (kept, as DISCARDED); false when there is no such dead letter. */
    public static boolean discard(Connection connection, Kind kind, long id) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update " + kind.table + " set status = 'DISCARDED' where id = ? and status = 'DEAD'")) {
            update.setLong(1, id);
            return update.executeUpdate() == 1;
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
