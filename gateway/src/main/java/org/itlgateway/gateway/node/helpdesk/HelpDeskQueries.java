package org.itlgateway.gateway.node.helpdesk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.itlgateway.core.helpdesk.Eligibility;
import org.itlgateway.core.helpdesk.EligibilityGround;
import org.itlgateway.core.helpdesk.HelpDeskQuery;
import org.itlgateway.core.helpdesk.Question;
import org.itlgateway.core.helpdesk.QueryStatus;
import org.itlgateway.core.helpdesk.StakeholderRole;
import org.itlgateway.core.registry.RegistryCode;

/** The queries to the CDM Help Desk ({@code help_desk_query}), kept for its operators. */
public final class HelpDeskQueries {

    private static final String COLUMNS = "select reference, asker_name, organisation, email, role, project, programme,"
            + " given_host_party, subject, question, host_party, received_at, eligible, eligibility_ground,"
            + " eligibility_reason, due_date, answered_by, answered_at, answer from help_desk_query";

    private HelpDeskQueries() {
    }

    /**
     * The reference the next query received at {@code receivedAt} is kept under: {@code HD-<year>-<number>}, the
     * number unique over every year.
     */
    public static String nextReference(Connection connection, Instant receivedAt) throws SQLException {
        try (PreparedStatement next = connection.prepareStatement(
                "select nextval(pg_get_serial_sequence('help_desk_query', 'id'))");
             ResultSet row = next.executeQuery()) {
            row.next();
            return String.format(Locale.ROOT, "HD-%d-%05d", LocalDate.ofInstant(receivedAt, ZoneOffset.UTC).getYear(),
                    row.getLong(1));
        }
    }

    /** Keeps a query received. */
    public static void keep(Connection connection, HelpDeskQuery query) throws SQLException {
        Question question = query.question();
        try (PreparedStatement insert = connection.prepareStatement("insert into help_desk_query (id, reference,"
                + " asker_name, organisation, email, role, project, programme, given_host_party, subject, question,"
                + " host_party, received_at, eligible, eligibility_ground, eligibility_reason, due_date)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, idOf(query.reference()));
            insert.setString(2, query.reference());
            insert.setString(3, question.name());
            insert.setString(4, question.organisation());
            insert.setString(5, question.email());
            insert.setString(6, question.role().name());
            if (question.project() == null) {
                insert.setNull(7, Types.BIGINT);
            } else {
                insert.setLong(7, question.project());
            }
            insert.setString(8, question.programme());
            insert.setString(9, question.hostParty() == null ? null : question.hostParty().value());
            insert.setString(10, question.subject());
            insert.setString(11, question.text());
            insert.setString(12, query.hostParty());
            insert.setTimestamp(13, Timestamp.from(query.receivedAt()));
            insert.setBoolean(14, query.eligibility().eligible());
            insert.setString(15, query.eligibility().ground().name());
            insert.setString(16, query.eligibility().reason());
            insert.setObject(17, query.dueDate(), Types.DATE);
            insert.executeUpdate();
        }
    }

    private static long idOf(String reference) {
        return Long.parseLong(reference.substring(reference.lastIndexOf('-') + 1));
    }

    /** The query kept under {@code reference}. */
    public static Optional<HelpDeskQuery> find(Connection connection, String reference) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(COLUMNS + " where reference = ?")) {
            select.setString(1, reference);
            List<HelpDeskQuery> found = read(select);
            return found.stream().findFirst();
        }
    }

    /**
     * The queries in {@code status} on {@code today} (all when null), most recently received first, at most
     * {@code limit}.
     */
    public static List<HelpDeskQuery> inStatus(Connection connection, QueryStatus status, LocalDate today, int limit)
            throws SQLException {
        String where = status == null ? ""
                : switch (status) {
                    case OPEN -> " where answered_at is null and eligible and due_date >= ?";
                    case OVERDUE -> " where answered_at is null and eligible and due_date < ?";
                    case ANSWERED -> " where answered_at is not null";
                    case REFERRED -> " where answered_at is null and not eligible";
                };
        try (PreparedStatement select = connection.prepareStatement(COLUMNS + where
                + " order by received_at desc, id desc limit ?")) {
            int parameter = 1;
            if (status == QueryStatus.OPEN || status == QueryStatus.OVERDUE) {
                select.setObject(parameter++, today, Types.DATE);
            }
            select.setInt(parameter, limit);
            return read(select);
        }
    }

    /** The queries not answered whose due date falls from {@code first} to {@code last}, soonest due first. */
    public static List<HelpDeskQuery> dueBetween(Connection connection, LocalDate first, LocalDate last)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(COLUMNS + " where answered_at is null and eligible"
                + " and due_date between ? and ? order by due_date, received_at, id")) {
            select.setObject(1, first, Types.DATE);
            select.setObject(2, last, Types.DATE);
            return read(select);
        }
    }

    /** The queries received from {@code from} (included) to {@code until} (excluded), in the order received. */
    public static List<HelpDeskQuery> receivedBetween(Connection connection, Instant from, Instant until)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(COLUMNS + " where received_at >= ?"
                + " and received_at < ? order by received_at, id")) {
            select.setTimestamp(1, Timestamp.from(from));
            select.setTimestamp(2, Timestamp.from(until));
            return read(select);
        }
    }

    /** Records the answer to a query not yet answered; false when it is unknown or already answered. */
    public static boolean answer(Connection connection, String reference, String by, Instant at, String answer)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update help_desk_query set answered_by = ?,"
                + " answered_at = ?, answer = ? where reference = ? and answered_at is null")) {
            update.setString(1, by);
            update.setTimestamp(2, Timestamp.from(at));
            update.setString(3, answer);
            update.setString(4, reference);
            return update.executeUpdate() == 1;
        }
    }

    private static List<HelpDeskQuery> read(PreparedStatement select) throws SQLException {
        List<HelpDeskQuery> queries = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                queries.add(queryOf(rows));
            }
        }
        return queries;
    }

    private static HelpDeskQuery queryOf(ResultSet rows) throws SQLException {
        long project = rows.getLong(6);
        Long projectOrNull = rows.wasNull() ? null : project;
        String givenHost = rows.getString(8);
        Question question = new Question(rows.getString(2), rows.getString(3), rows.getString(4),
                StakeholderRole.valueOf(rows.getString(5)), projectOrNull, rows.getString(7),
                givenHost == null ? null : RegistryCode.of(givenHost), rows.getString(9), rows.getString(10));
        LocalDate due = rows.getObject(16, LocalDate.class);
        Timestamp answeredAt = rows.getTimestamp(18);
        return new HelpDeskQuery(rows.getString(1), question, rows.getString(11), rows.getTimestamp(12).toInstant(),
                new Eligibility(rows.getBoolean(13), EligibilityGround.valueOf(rows.getString(14)), rows.getString(15)),
                due, rows.getString(17),
                answeredAt == null ? null : answeredAt.toInstant(), rows.getString(19));
    }
}
