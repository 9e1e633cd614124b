package org.itlgateway.simulator.reconciliation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itlgateway.core.CodedValue;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.UnitBlockId;

/**
 * What reconciliations found, in {@code reconciliation_finding}: written a batch at a time as a comparison
 * streams by, read back as the evaluation results of a reconciliation result, and looked up for units under an
 * open inconsistency.
 */
final class Findings implements AutoCloseable {

    /** The most blocks named per response code in one result (the contract's limit per evaluation result). */
    static final int MAX_BLOCKS_PER_CODE = 3000;
    private static final int BATCH = 1000;

    private final PreparedStatement insert;
    private final long reconciliation;
    private int batched;
    private long written;

    private Findings(Connection connection, long reconciliation) throws SQLException {
        this.reconciliation = reconciliation;
        this.insert = connection.prepareStatement("insert into reconciliation_finding (reconciliation_id, response_code,"
                + " description, originating_registry, serial_start, serial_end) values (?, ?, ?, ?, ?, ?)");
    }

    /** A writer of one reconciliation's findings; close it to write the last batch. */
    static Findings of(Connection connection, long reconciliation) throws SQLException {
        return new Findings(connection, reconciliation);
    }

    void add(ResponseCode code, UnitBlockId block, String description) {
        try {
            insert.setLong(1, reconciliation);
            insert.setInt(2, code.code());
            insert.setString(3, description);
            insert.setString(4, block == null ? null : block.originatingRegistry().value());
            insert.setObject(5, block == null ? null : block.range().start(), java.sql.Types.BIGINT);
            insert.setObject(6, block == null ? null : block.range().end(), java.sql.Types.BIGINT);
            insert.addBatch();
            written++;
            if (++batched == BATCH) {
                insert.executeBatch();
                batched = 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("recording a reconciliation finding failed: " + e.getMessage(), e);
        }
    }

    long written() {
        return written;
    }

    @Override
    public void close() throws SQLException {
        try {
            if (batched > 0) {
                insert.executeBatch();
            }
        } finally {
            insert.close();
        }
    }

    /**
     * The findings of a reconciliation as evaluation results: one per differing group, one per code for blocks
     * (at most {@value #MAX_BLOCKS_PER_CODE} named, the description says how many more there are).
     */
    static List<EvaluationResult> results(Connection connection, long reconciliation) throws SQLException {
        List<EvaluationResult> results = new ArrayList<>();
        Map<ResponseCode, List<UnitBlockId>> blocks = new LinkedHashMap<>();
        Map<ResponseCode, Long> counts = new LinkedHashMap<>();
        Map<ResponseCode, String> firstDescription = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select response_code, description, originating_registry, serial_start, serial_end"
                        + " from reconciliation_finding where reconciliation_id = ? order by response_code, id")) {
            select.setLong(1, reconciliation);
            select.setFetchSize(BATCH);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ResponseCode code = CodedValue.fromCode(ResponseCode.class, rows.getInt(1));
                    String description = rows.getString(2);
                    String origin = rows.getString(3);
                    if (origin == null) {
                        results.add(EvaluationResult.of(code, description));
                        continue;
                    }
                    counts.merge(code, 1L, Long::sum);
                    firstDescription.putIfAbsent(code, description);
                    List<UnitBlockId> named = blocks.computeIfAbsent(code, c -> new ArrayList<>());
                    if (named.size() < MAX_BLOCKS_PER_CODE) {
                        named.add(new UnitBlockId(RegistryCode.of(origin),
                                new SerialRange(rows.getLong(4), rows.getLong(5))));
                    }
                }
            }
        }
        blocks.forEach((code, named) -> {
            long count = counts.get(code);
            String description = count == 1 ? firstDescription.get(code)
                    : count + " blocks: " + code.meaning() + (count > named.size()
                    ? " (the first " + named.size() + " named)" : "") + "; first: " + firstDescription.get(code);
            results.add(EvaluationResult.of(code, named, description));
        });
        return results;
    }

    /** Every block a reconciliation found missing, extra, in another account or with other attributes (6002-6005). */
    static List<UnitBlockId> differingBlocks(Connection connection, long reconciliation) throws SQLException {
        List<UnitBlockId> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select originating_registry, serial_start,"
                + " serial_end from reconciliation_finding where reconciliation_id = ? and response_code in (?, ?, ?, ?)"
                + " and originating_registry is not null order by id")) {
            select.setLong(1, reconciliation);
            select.setInt(2, ResponseCode.BLOCK_MISSING.code());
            select.setInt(3, ResponseCode.BLOCK_EXTRA.code());
            select.setInt(4, ResponseCode.BLOCK_IN_WRONG_ACCOUNT.code());
            select.setInt(5, ResponseCode.BLOCK_ATTRIBUTES_DIFFER.code());
            select.setFetchSize(BATCH);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new UnitBlockId(RegistryCode.of(rows.getString(1)),
                            new SerialRange(rows.getLong(2), rows.getLong(3))));
                }
            }
        }
        return found;
    }

    /** The units among {@code blocks} that a finding of a reconciliation with an open inconsistency names. */
    static List<UnitBlockId> openAmong(Connection connection, List<UnitBlockId> blocks) throws SQLException {
        List<UnitBlockId> held = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select 1 from reconciliation_finding f join reconciliation r on r.id = f.reconciliation_id
                 where r.status in (3, 4) and f.originating_registry = ?
                   and f.serial_start <= ? and f.serial_end >= ? limit 1""")) {
            for (UnitBlockId block : blocks) {
                select.setString(1, block.originatingRegistry().value());
                select.setLong(2, block.range().end());
                select.setLong(3, block.range().start());
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        held.add(block);
                    }
                }
            }
        }
        return held;
    }
}
