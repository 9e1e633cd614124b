package org.itlgateway.gateway.node.messages;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.itlgateway.gateway.messaging.AdministrativeMessage;

/** The administrative messages a registry received ({@code administrative_message}), kept for its operators. */
public final class AdministrativeMessages {

    private AdministrativeMessages() {
    }

    /** Keeps a message received from {@code from}, in the unit of work that processes it. */
    public static void keep(Connection connection, String from, Instant receivedAt, AdministrativeMessage message)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into administrative_message"
                + " (sender, received_at, message_date_time, message_content) values (?, ?, ?, ?)")) {
            insert.setString(1, from);
            insert.setTimestamp(2, Timestamp.from(receivedAt));
            insert.setTimestamp(3, Timestamp.from(message.dateTime()));
            insert.setString(4, message.content());
            insert.executeUpdate();
        }
    }

    /** The messages received, most recently received first, at most {@code limit}. */
    public static List<ReceivedMessage> recent(Connection connection, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select id, sender, received_at, message_date_time,"
                + " message_content from administrative_message order by received_at desc, id desc limit ?")) {
            select.setInt(1, limit);
            List<ReceivedMessage> messages = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    messages.add(new ReceivedMessage(rows.getLong(1), rows.getString(2), rows.getTimestamp(3).toInstant(),
                            new AdministrativeMessage(rows.getTimestamp(4).toInstant(), rows.getString(5))));
                }
            }
            return messages;
        }
    }
}
