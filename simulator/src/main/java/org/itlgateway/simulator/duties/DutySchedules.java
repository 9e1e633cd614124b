package org.itlgateway.simulator.duties;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** When the ITL's scheduled duties are next due ({@code itl_duty_schedule}), on the simulated clock. */
final class DutySchedules {

    /** The registry of a schedule that covers every registry of the network. */
    static final String ALL = "*";

    /** A scheduled duty that became due: for whom, and with what text (messages). */
    record Due(String registry, String content) {
    }

    private DutySchedules() {
    }

    /** Sets a duty's schedule for {@code registry}, replacing the one it had. */
    static void set(Connection connection, Duty duty, String registry, Duration every, Instant next, String content)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("insert into itl_duty_schedule"
                + " (duty, registry, every, next_at, content) values (?, ?, ?::interval, ?, ?)"
                + " on conflict (duty, registry) do update set every = excluded.every, next_at = excluded.next_at,"
                + " content = excluded.content")) {
            upsert.setString(1, duty.name());
            upsert.setString(2, registry);
            upsert.setString(3, every.getSeconds() + " seconds");
            upsert.setTimestamp(4, Timestamp.from(next));
            upsert.setString(5, content);
            upsert.executeUpdate();
        }
    }

    /**
     * The schedules of {@code duty} due at {@code now}, each moved to its next time after now (a clock moved past
     * several periods runs the duty once).
     */
    static List<Due> takeDue(Connection connection, Duty duty, Instant now) throws SQLException {
        List<Due> due = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement("""
                update itl_duty_schedule
                   set next_at = next_at + every * ((floor(extract(epoch from (?::timestamptz - next_at)) / extract(epoch from every)) + 1)::double precision)
                 where duty = ? and next_at <= ?
                returning registry, content""")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, duty.name());
            update.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    due.add(new Due(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return due;
    }

    /** The duties the ITL runs on a schedule. */
    enum Duty {
        MESSAGE, TIME_CHECK
    }
}
