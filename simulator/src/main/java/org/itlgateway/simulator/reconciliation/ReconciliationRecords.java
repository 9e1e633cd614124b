package org.itlgateway.simulator.reconciliation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.holding.HoldingGroup;
import org.itlgateway.core.reconciliation.ReconciliationStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitType;
import org.itlgateway.simulator.reconciliation.Reconciliation.Phase;

/**
 * A log's reconciliation rows: {@code reconciliation}, its differing groups, and the schedule. A row's registry is
 * the party reconciled: a registry code, or CITL.
 */
final class ReconciliationRecords {

    /** What a reconciliation row holds, with its chunk counts. */
    record Row(long id, String registry, Instant snapshot, Phase phase, ReconciliationStatus status,
               Instant statusAt, int blockChunks, Integer lastBlockChunk, int auditChunks, Integer lastAuditChunk,
               String resolvedBy, Instant totalsComparedAt, Instant blocksComparedAt) {
    }

    private static final String COLUMNS = "id, registry, snapshot_at, phase, status, status_at, block_chunks,"
            + " last_block_chunk, audit_chunks, last_audit_chunk, resolved_by, totals_compared_at, blocks_compared_at";

    private ReconciliationRecords() {
    }

    static long nextId(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select nextval('reconciliation_ids')");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** When reconciliation {@code id} started (empty when there is no such reconciliation). */
    static java.util.Optional<Instant> startedAt(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select started_at from reconciliation where id = ?")) {
            select.setLong(1, id);
            try (java.sql.ResultSet row = select.executeQuery()) {
                return row.next() ? java.util.Optional.of(row.getTimestamp(1).toInstant()) : java.util.Optional.empty();
            }
        }
    }

    static void insert(Connection connection, long id, String registry, Instant snapshot, Instant now, Phase phase,
                       ReconciliationStatus status) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into reconciliation (id, registry, snapshot_at, started_at, phase, status, status_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, registry);
            insert.setTimestamp(3, Timestamp.from(snapshot));
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setString(5, phase.name());
            insert.setShort(6, (short) status.code());
            insert.setTimestamp(7, Timestamp.from(now));
            insert.executeUpdate();
        }
    }

    /** The row, locked until the unit of work ends, so chunks of one reconciliation are counted one at a time. */
    static Optional<Row> lock(Connection connection, long id) throws SQLException {
        return one(connection, "select " + COLUMNS + " from reconciliation where id = ? for update", id);
    }

    static Optional<Row> find(Connection connection, long id) throws SQLException {
        return one(connection, "select " + COLUMNS + " from reconciliation where id = ?", id);
    }

    /** The identifiers of a registry's reconciliations, latest first. */
    static List<Long> ofRegistry(Connection connection, String registry) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id from reconciliation where registry = ? order by id desc")) {
            select.setString(1, registry);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    /** A reconciliation of the registry still waiting for an answer, if any. */
    static Optional<Long> running(Connection connection, String registry) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select id from reconciliation where registry = ? and phase <> 'DECIDED' order by id limit 1")) {
            select.setString(1, registry);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The snapshot of the registry's latest reconciliation that ended consistent, where an audit trail starts. */
    static Optional<Instant> lastConsistentSnapshot(Connection connection, String registry, Instant before)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select max(snapshot_at) from reconciliation where registry = ? and status in (2, 5, 6) and snapshot_at < ?")) {
            select.setString(1, registry);
            select.setTimestamp(2, Timestamp.from(before));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                Timestamp at = row.getTimestamp(1);
                return at == null ? Optional.empty() : Optional.of(at.toInstant());
            }
        }
    }

    static void moveTo(Connection connection, long id, Phase phase, ReconciliationStatus status, Instant at)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update reconciliation set phase = ?, status = ?, status_at = ? where id = ?")) {
            update.setString(1, phase.name());
            update.setShort(2, (short) status.code());
            update.setTimestamp(3, Timestamp.from(at));
            update.setLong(4, id);
            update.executeUpdate();
        }
    }

    static void resolve(Connection connection, long id, String operator, String note, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update reconciliation set status = ?, status_at = ?, resolved_by = ?, resolution_note = ? where id = ?")) {
            update.setShort(1, (short) ReconciliationStatus.COMPLETED_AFTER_MANUAL_INTERVENTION.code());
            update.setTimestamp(2, Timestamp.from(at));
            update.setString(3, operator);
            update.setString(4, note);
            update.setLong(5, id);
            update.executeUpdate();
        }
    }

    /** Counts a chunk of unit blocks or of the audit trail; answers the row as it is now. */
    static Row countChunk(Connection connection, long id, boolean unitBlocks, int chunkNumber, boolean lastChunk)
            throws SQLException {
        String count = unitBlocks ? "block_chunks" : "audit_chunks";
        String last = unitBlocks ? "last_block_chunk" : "last_audit_chunk";
        try (PreparedStatement update = connection.prepareStatement("update reconciliation set " + count + " = " + count
                + " + 1, " + last + " = coalesce(?, " + last + ") where id = ?")) {
            if (lastChunk) {
                update.setInt(1, chunkNumber);
            } else {
                update.setNull(1, Types.INTEGER);
            }
            update.setLong(2, id);
            update.executeUpdate();
        }
        return find(connection, id).orElseThrow();
    }

    static void saveGroups(Connection connection, long id, List<HoldingGroup> groups) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into reconciliation_group (reconciliation_id, position, account_type, account_identifier,"
                        + " account_period, unit_type, supp_unit_type) values (?, ?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (HoldingGroup group : groups) {
                insert.setLong(1, id);
                insert.setInt(2, position++);
                insert.setShort(3, (short) group.accountType().code());
                insert.setObject(4, group.accountIdentifier(), Types.BIGINT);
                insert.setShort(5, (short) group.accountPeriod().code());
                insert.setShort(6, (short) group.unitType().code());
                insert.setInt(7, group.suppUnitType());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static List<HoldingGroup> groups(Connection connection, long id) throws SQLException {
        List<HoldingGroup> groups = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select account_type, account_identifier, account_period, unit_type, supp_unit_type"
                        + " from reconciliation_group where reconciliation_id = ? order by position")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    groups.add(new HoldingGroup(AccountType.fromCode(rows.getShort(1)), rows.getObject(2, Long.class),
                            CommitmentPeriod.fromCode(rows.getShort(3)), UnitType.fromCode(rows.getShort(4)),
                            rows.getInt(5)));
                }
            }
        }
        return groups;
    }

    /** Sets when reconciliations of {@code registry} ({@code *}: all) are due, and how often. */
    static void schedule(Connection connection, String registry, Duration every, Instant next) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "insert into reconciliation_schedule (registry, every, next_at) values (?, make_interval(secs => ?), ?)"
                        + " on conflict (registry) do update set every = excluded.every, next_at = excluded.next_at")) {
            upsert.setString(1, registry);
            upsert.setDouble(2, every.toSeconds());
            upsert.setTimestamp(3, Timestamp.from(next));
            upsert.executeUpdate();
        }
    }

    /**
     * The schedule entries due at {@code now}, each moved on to its next time after {@code now}; answers the
     * registries (or {@code *}) whose reconciliation is due.
     */
    static List<String> takeDue(Connection connection, Instant now) throws SQLException {
        List<String> due = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement("""
                update reconciliation_schedule
                   set next_at = next_at + every * ((floor(extract(epoch from (?::timestamptz - next_at)) / extract(epoch from every)) + 1)::double precision)
                 where next_at <= ?
                returning registry""")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    due.add(rows.getString(1));
                }
            }
        }
        return due;
    }

    /** Notes when the totals ({@code totals}) or the blocks were compared. */
    static void stampComparison(Connection connection, long id, boolean totals, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update reconciliation set "
                + (totals ? "totals_compared_at" : "blocks_compared_at") + " = ? where id = ?")) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private static Optional<Row> one(Connection connection, String sql, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Row(row.getLong(1), row.getString(2),
                        row.getTimestamp(3).toInstant(), Phase.valueOf(row.getString(4)),
                        ReconciliationStatus.fromCode(row.getShort(5)), row.getTimestamp(6).toInstant(), row.getInt(7),
                        row.getObject(8, Integer.class), row.getInt(9), row.getObject(10, Integer.class),
                        row.getString(11), instant(row.getTimestamp(12)), instant(row.getTimestamp(13))));
            }
        }
    }
}
