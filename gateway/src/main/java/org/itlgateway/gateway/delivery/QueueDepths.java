package org.itlgateway.gateway.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * How much waits in a node's inbox and outbox now, and since when: one query over the partial indexes of the waiting
 * and the dead messages (for the node's meters, read at most once per scrape).
 *
 * @param inboxWaiting     messages received and not processed yet
 * @param oldestInbox      when the oldest of them was received (null when none waits)
 * @param outboxWaiting    messages not delivered yet (no receipt so far)
 * @param oldestOutbox     when the oldest of them was written (null when none waits)
 * @param inboxDead        dead letters of the inbox, waiting for an operator
 * @param outboxDead       dead letters of the outbox, waiting for an operator
 */
public record QueueDepths(long inboxWaiting, Instant oldestInbox, long outboxWaiting, Instant oldestOutbox,
                          long inboxDead, long outboxDead) {

    /** Nothing waiting anywhere. */
    public static final QueueDepths EMPTY = new QueueDepths(0, null, 0, null, 0, 0);

    /** Reads them. */
    public static QueueDepths read(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select"
                + " (select count(*) from inbox_message where status = 'RECEIVED'),"
                + " (select min(received_at) from inbox_message where status = 'RECEIVED'),"
                + " (select count(*) from outbox_message where status = 'PENDING'),"
                + " (select min(created_at) from outbox_message where status = 'PENDING'),"
                + " (select count(*) from inbox_message where status = 'DEAD'),"
                + " (select count(*) from outbox_message where status = 'DEAD')");
             ResultSet row = select.executeQuery()) {
            row.next();
            return new QueueDepths(row.getLong(1), instant(row.getTimestamp(2)), row.getLong(3),
                    instant(row.getTimestamp(4)), row.getLong(5), row.getLong(6));
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
