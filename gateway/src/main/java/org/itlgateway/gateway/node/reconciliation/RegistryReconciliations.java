package org.itlgateway.gateway.node.reconciliation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.itlgateway.core.CodedValue;
import org.itlgateway.core.reconciliation.ReconciliationStatus;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.UnitBlockId;

/**
 * The registry's record of its reconciliations, in {@code registry_reconciliation} and its results table. A
 * reconciliation is known by the log that started it and the identifier that log gave it: two logs may use the same
 * identifiers.
 */
final class RegistryReconciliations {

    private RegistryReconciliations() {
    }

    /** Records a new reconciliation; answers false when the log started one with this identifier already. */
    static boolean record(Connection connection, String requestedBy, long id, Instant snapshot, Instant now,
                          ReconciliationStatus status, String note) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into registry_reconciliation (id, requested_by, snapshot_at, initiated_at, status, status_at, note)"
                        + " values (?, ?, ?, ?, ?, ?, ?) on conflict (requested_by, id) do nothing")) {
            insert.setLong(1, id);
            insert.setString(2, requestedBy);
            insert.setTimestamp(3, Timestamp.from(snapshot));
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setShort(5, (short) status.code());
            insert.setTimestamp(6, Timestamp.from(now));
            insert.setString(7, note);
            return insert.executeUpdate() == 1;
        }
    }

    /** Records the log's result: the status and its evaluation results replace what was there. */
    static void recordResult(Connection connection, String requestedBy, long id, ReconciliationStatus status, Instant at,
                             List<EvaluationResult> results) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update registry_reconciliation set status = ?, status_at = ? where requested_by = ? and id = ?");
             PreparedStatement clear = connection.prepareStatement(
                     "delete from registry_reconciliation_result where requested_by = ? and reconciliation_id = ?");
             PreparedStatement insert = connection.prepareStatement(
                     "insert into registry_reconciliation_result (requested_by, reconciliation_id, position, response_code,"
                             + " description, unit_blocks) values (?, ?, ?, ?, ?, ?)")) {
            update.setShort(1, (short) status.code());
            update.setTimestamp(2, Timestamp.from(at));
            update.setString(3, requestedBy);
            update.setLong(4, id);
            update.executeUpdate();
            clear.setString(1, requestedBy);
            clear.setLong(2, id);
            clear.executeUpdate();
            int position = 0;
            for (EvaluationResult result : results) {
                insert.setString(1, requestedBy);
                insert.setLong(2, id);
                insert.setInt(3, position++);
                insert.setInt(4, result.code().code());
                insert.setString(5, result.description());
                insert.setString(6, result.blocks().stream().map(RegistryReconciliations::text).collect(Collectors.joining(";")));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static Optional<RecordedReconciliation> find(Connection connection, String requestedBy, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select requested_by, snapshot_at, status, status_at,"
                + " note from registry_reconciliation where requested_by = ? and id = ?")) {
            select.setString(1, requestedBy);
            select.setLong(2, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RecordedReconciliation(id, row.getString(1), row.getTimestamp(2).toInstant(),
                        ReconciliationStatus.fromCode(row.getShort(3)), row.getTimestamp(4).toInstant(), row.getString(5),
                        results(connection, requestedBy, id)));
            }
        }
    }

    /** The reconciliations recorded, most recently started first, at most {@code limit}. */
    static List<RecordedReconciliation> recent(Connection connection, int limit) throws SQLException {
        List<String[]> keys = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select requested_by, id from registry_reconciliation"
                + " order by initiated_at desc, requested_by, id desc limit ?")) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.add(new String[] {rows.getString(1), Long.toString(rows.getLong(2))});
                }
            }
        }
        List<RecordedReconciliation> found = new ArrayList<>();
        for (String[] key : keys) {
            find(connection, key[0], Long.parseLong(key[1])).ifPresent(found::add);
        }
        return found;
    }

    private static List<EvaluationResult> results(Connection connection, String requestedBy, long id)
            throws SQLException {
        List<EvaluationResult> results = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select response_code, description, unit_blocks from registry_reconciliation_result"
                        + " where requested_by = ? and reconciliation_id = ? order by position")) {
            select.setString(1, requestedBy);
            select.setLong(2, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ResponseCode code = CodedValue.fromCode(ResponseCode.class, rows.getInt(1));
                    String description = rows.getString(2) == null ? "" : rows.getString(2);
                    results.add(new EvaluationResult(code, blocks(rows.getString(3)), description));
                }
            }
        }
        return results;
    }

    private static String text(UnitBlockId block) {
        return block.originatingRegistry().value() + ":" + block.range().start() + "-" + block.range().end();
    }

    private static List<UnitBlockId> blocks(String text) {
        List<UnitBlockId> blocks = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return blocks;
        }
        for (String item : text.split(";")) {
            int colon = item.indexOf(':');
            int dash = item.indexOf('-', colon);
            blocks.add(new UnitBlockId(RegistryCode.of(item.substring(0, colon)),
                    new SerialRange(Long.parseLong(item.substring(colon + 1, dash)), Long.parseLong(item.substring(dash + 1)))));
        }
        return blocks;
    }
}
