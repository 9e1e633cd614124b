package org.itlgateway.simulator.duties;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.itlgateway.core.registry.RegistryCode;

/** The ITL's time checks ({@code itl_time_check}). */
final class TimeCheckRecords {

    private TimeCheckRecords() {
    }

    static TimeCheck insert(Connection connection, RegistryCode registry, Instant askedAt, Instant registryTime,
                            Long offsetMillis, boolean flagged) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into itl_time_check"
                + " (registry, asked_at, registry_time, offset_millis, flagged) values (?, ?, ?, ?, ?) returning id")) {
            insert.setString(1, registry.value());
            insert.setTimestamp(2, Timestamp.from(askedAt));
            insert.setTimestamp(3, registryTime == null ? null : Timestamp.from(registryTime));
            if (offsetMillis == null) {
                insert.setNull(4, Types.BIGINT);
            } else {
                insert.setLong(4, offsetMillis);
            }
            insert.setBoolean(5, flagged);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return TimeCheck.of(row.getLong(1), registry, askedAt, registryTime, offsetMillis, flagged);
            }
        }
    }

    /** A registry's time checks, latest first, at most {@code limit}. */
    static List<TimeCheck> ofRegistry(Connection connection, RegistryCode registry, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select id, asked_at, registry_time, offset_millis,"
                + " flagged from itl_time_check where registry = ? order by id desc limit ?")) {
            select.setString(1, registry.value());
            select.setInt(2, limit);
            List<TimeCheck> checks = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Timestamp registryTime = rows.getTimestamp(3);
                    long offset = rows.getLong(4);
                    Long offsetMillis = rows.wasNull() ? null : offset;
                    checks.add(TimeCheck.of(rows.getLong(1), registry, rows.getTimestamp(2).toInstant(),
                            registryTime == null ? null : registryTime.toInstant(), offsetMillis,
                            rows.getBoolean(5)));
                }
            }
            return checks;
        }
    }
}
