package org.itlgateway.simulator.journal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal of the whole network, in the simulator's own schema: every message each node received, processed
 * and sent, with the signed XML, queryable by transaction and by node. Written outside the nodes' business
 * transactions; a failure to journal is logged and never stops a node.
 */
public final class Journal {

    public static final String SCHEMA = "simulator";
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    private final DataSource dataSource;
    private final Clock clock;

    public Journal(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        Flyway.configure().dataSource(dataSource).schemas(SCHEMA).defaultSchema(SCHEMA).createSchemas(true)
                .table("journal_schema_history").locations("classpath:db/journal").load().migrate();
    }

    public void record(String node, Direction direction, String peer, String operation, String transactionId,
                       String summary, String outcome, byte[] rawXml) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into " + SCHEMA + ".journal_entry"
                     + " (node, direction, peer, operation, transaction_id, simulated_time, real_time, summary, outcome, raw_xml)"
                     + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, node);
            insert.setString(2, direction.name());
            insert.setString(3, peer);
            insert.setString(4, operation);
            insert.setString(5, transactionId);
            insert.setTimestamp(6, Timestamp.from(clock.instant()));
            insert.setTimestamp(7, Timestamp.from(Instant.now()));
            insert.setString(8, summary);
            insert.setString(9, outcome == null ? "" : outcome);
            insert.setBytes(10, rawXml == null || rawXml.length == 0 ? null : rawXml);
            insert.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("journal entry of {} {} {} not written: {}", node, direction, operation, e.getMessage());
        }
    }

    /** Entries matching the filters (null: any), oldest first, at most {@code limit}. */
    public List<JournalEntry> find(String transactionId, String node, Direction direction, int limit, boolean withXml) {
        return find(transactionId, node, direction, null, null, limit, withXml);
    }

    /**
     * Entries matching the filters (null: any) — the transaction, the node that saw it, the direction, the operation
     * (as on the wire, e.g. {@code acceptProposal}) and the peer — oldest first, at most {@code limit}.
     */
    public List<JournalEntry> find(String transactionId, String node, Direction direction, String operation, String peer,
                                   int limit, boolean withXml) {
        StringBuilder sql = new StringBuilder("select id, node, direction, peer, operation, transaction_id, simulated_time,"
                + " real_time, summary, outcome, raw_xml from " + SCHEMA + ".journal_entry where true");
        List<Object> parameters = new ArrayList<>();
        if (operation != null) {
            sql.append(" and operation = ?");
            parameters.add(operation);
        }
        if (peer != null) {
            sql.append(" and peer = ?");
            parameters.add(peer);
        }
        if (transactionId != null) {
            sql.append(" and transaction_id = ?");
            parameters.add(transactionId);
        }
        if (node != null) {
            sql.append(" and node = ?");
            parameters.add(node);
        }
        if (direction != null) {
            sql.append(" and direction = ?");
            parameters.add(direction.name());
        }
        sql.append(" order by id limit ?");
        parameters.add(limit);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            List<JournalEntry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows, withXml));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("the journal cannot be read: " + e.getMessage(), e);
        }
    }

    public Optional<JournalEntry> find(long id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select id, node, direction, peer, operation,"
                     + " transaction_id, simulated_time, real_time, summary, outcome, raw_xml from " + SCHEMA
                     + ".journal_entry where id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(entry(rows, true)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the journal cannot be read: " + e.getMessage(), e);
        }
    }

    private static JournalEntry entry(ResultSet rows, boolean withXml) throws SQLException {
        byte[] raw = rows.getBytes(11);
        return new JournalEntry(rows.getLong(1), rows.getString(2), Direction.valueOf(rows.getString(3)), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getTimestamp(7).toInstant(), rows.getTimestamp(8).toInstant(),
                rows.getString(9), rows.getString(10),
                withXml && raw != null ? new String(raw, StandardCharsets.UTF_8) : null);
    }
}
