package org.itlgateway.simulator.duties;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.itlgateway.core.registry.RegistryCode;

/** The impending expiry notices the ITL issued ({@code itl_expiry_notice}): one per registry and expiry date. */
final class ExpiryNoticeRecords {

    private ExpiryNoticeRecords() {
    }

    static boolean issued(Connection connection, RegistryCode registry, LocalDate expiryDate) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select 1 from itl_expiry_notice where registry = ? and expiry_date = ?")) {
            select.setString(1, registry.value());
            select.setDate(2, Date.valueOf(expiryDate));
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    static void record(Connection connection, RegistryCode registry, LocalDate expiryDate, long noticeId, Instant at)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into itl_expiry_notice"
                + " (registry, expiry_date, notice_id, issued_at) values (?, ?, ?, ?)")) {
            insert.setString(1, registry.value());
            insert.setDate(2, Date.valueOf(expiryDate));
            insert.setLong(3, noticeId);
            insert.setTimestamp(4, Timestamp.from(at));
            insert.executeUpdate();
        }
    }
}
