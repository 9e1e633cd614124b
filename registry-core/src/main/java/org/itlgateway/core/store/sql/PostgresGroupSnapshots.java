package org.itlgateway.core.store.sql;

import static org.itlgateway.core.store.sql.HeldPieceColumns.COLUMNS;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.itlgateway.core.holding.GroupSnapshots;
import org.itlgateway.core.holding.HeldBlockCursor;
import org.itlgateway.core.holding.HoldingGroup;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.store.Database;
import org.itlgateway.core.store.HeldBlockRows;

/**
 * A registry's holdings as they were at a snapshot, restricted to some reconciliation groups, read through a
 * database cursor a batch at a time: what a reconciliation compares block by block. Works on any node's
 * {@code held_pieces}: a registry's own, or a log's mirror of every registry.
 */
public final class PostgresGroupSnapshots implements GroupSnapshots {

    private static final int BATCH = 2000;

    private static final String HELD_AT = """
             FROM held_pieces h
            WHERE h.account_registry = ANY (?::text[]) AND h.valid_from <= ? AND (h.valid_to IS NULL OR h.valid_to > ?)""";
    private static final String IN_GROUPS = """
             AND EXISTS (SELECT 1 FROM unnest(?::smallint[], ?::smallint[], ?::smallint[], ?::integer[], ?::bigint[])
                                 AS g(account_type, account_period, unit_type, supp_unit_type, account_identifier)
                          WHERE (g.account_type IS NULL OR g.account_type = h.account_type)
                            AND (g.account_period IS NULL OR g.account_period = h.account_period)
                            AND (g.unit_type IS NULL OR g.unit_type = h.unit_type)
                            AND (g.supp_unit_type IS NULL OR g.supp_unit_type = h.supp_unit_type)
                            AND (g.account_identifier IS NULL OR g.account_identifier = h.account_identifier))""";
    /** When every group names its account: a plain filter the planner estimates well, before the exact test. */
    private static final String IN_ACCOUNTS = " AND h.account_identifier = ANY (?::bigint[])";
    private static final String ORDER = " ORDER BY h.originating_registry, h.serial_start";

    private final Database database;

    public PostgresGroupSnapshots(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Opens a database cursor over the pieces held at {@code snapshot} by accounts of any of {@code registries} in any of
     * {@code groups} (every piece when there are none; a group's field left null matches any value), by originating
     * registry and serial number. Must run inside a unit of work, which the cursor needs to stay open.
     */
    @Override
    public HeldBlockCursor holdingsAsOf(Collection<RegistryCode> registries, Instant snapshot, List<HoldingGroup> groups) {
        if (!database.inUnitOfWork()) {
            throw new IllegalStateException("a cursor over the holdings lives in a unit of work: open it inside one");
        }
        boolean byAccount = !groups.isEmpty() && groups.stream().allMatch(g -> g.accountIdentifier() != null);
        String sql = "SELECT " + prefixed() + HELD_AT + (byAccount ? IN_ACCOUNTS : "") + (groups.isEmpty() ? "" : IN_GROUPS)
                + ORDER;
        return database.session().doReturningWork(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            try {
                OffsetDateTime at = OffsetDateTime.ofInstant(snapshot, ZoneOffset.UTC);
                statement.setArray(1, connection.createArrayOf("text",
                        registries.stream().map(RegistryCode::value).toArray()));
                statement.setObject(2, at);
                statement.setObject(3, at);
                int next = 4;
                if (byAccount) {
                    statement.setArray(next++, connection.createArrayOf("bigint",
                            groups.stream().map(HoldingGroup::accountIdentifier).distinct().toArray()));
                }
                if (!groups.isEmpty()) {
                    bindGroups(connection, statement, next, groups);
                }
                statement.setFetchSize(BATCH);
                return new HeldBlockRows(statement, statement.executeQuery(), HeldPieceColumns::read, "the holdings");
            } catch (SQLException | RuntimeException e) {
                statement.close();
                throw e;
            }
        });
    }

    private static String prefixed() {
        StringBuilder columns = new StringBuilder();
        for (String column : COLUMNS.split(",")) {
            columns.append(columns.length() == 0 ? "" : ", ").append("h.").append(column.trim());
        }
        return columns.toString();
    }

    private static void bindGroups(Connection connection, PreparedStatement statement, int index, List<HoldingGroup> groups)
            throws SQLException {
        int n = groups.size();
        Short[] types = new Short[n];
        Short[] periods = new Short[n];
        Short[] unitTypes = new Short[n];
        Integer[] suppTypes = new Integer[n];
        Long[] accounts = new Long[n];
        for (int i = 0; i < n; i++) {
            HoldingGroup group = groups.get(i);
            types[i] = group.accountType() == null ? null : (short) group.accountType().code();
            periods[i] = group.accountPeriod() == null ? null : (short) group.accountPeriod().code();
            unitTypes[i] = group.unitType() == null ? null : (short) group.unitType().code();
            suppTypes[i] = group.suppUnitType();
            accounts[i] = group.accountIdentifier();
        }
        statement.setArray(index, connection.createArrayOf("smallint", types));
        statement.setArray(index + 1, connection.createArrayOf("smallint", periods));
        statement.setArray(index + 2, connection.createArrayOf("smallint", unitTypes));
        statement.setArray(index + 3, connection.createArrayOf("integer", suppTypes));
        statement.setArray(index + 4, connection.createArrayOf("bigint", accounts));
    }
}
