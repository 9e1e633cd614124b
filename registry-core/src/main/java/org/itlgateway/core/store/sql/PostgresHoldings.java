package org.itlgateway.core.store.sql;

import static org.itlgateway.core.store.sql.HeldPieceColumns.COLUMNS;
import static org.itlgateway.core.store.sql.HeldPieceColumns.EXACTLY;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.holding.HoldingSnapshots;
import org.itlgateway.core.holding.HoldingStore;
import org.itlgateway.core.holding.HoldingTotal;
import org.itlgateway.core.holding.Holdings;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.store.Database;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.core.unit.UnitType;

/**
 * The ledger's pieces in {@code held_pieces}, with their history.
 *
 * <p>As a {@link HoldingStore} it must run inside a unit of work: {@link #overlapping} and {@link #reservedBy}
 * lock the pieces they return until the unit of work ends, so two units of work on the same units are applied
 * one after the other, and the second sees what the first did. A piece taken out is closed at the time given,
 * not deleted (unless it was put in at that same instant, when it was never visible at all). The database itself
 * refuses two current pieces that share a serial number.
 *
 * <p>The reads for checks ({@link Holdings}) and for reconciliation ({@link HoldingSnapshots}) lock nothing and
 * join the running unit of work or run in their own.
 */
public final class PostgresHoldings implements HoldingStore, Holdings, HoldingSnapshots {

    private static final int SNAPSHOT_BATCH = 1000;

    private static final String OVERLAPPING = "SELECT " + COLUMNS + """
             FROM held_pieces
            WHERE valid_to IS NULL AND originating_registry = ?
              AND int8range(serial_start, serial_end, '[]') && int8range(?, ?, '[]')
            ORDER BY serial_start""";
    private static final String HELD_BY = "SELECT " + COLUMNS + """
             FROM held_pieces
            WHERE valid_to IS NULL AND account_registry = ? AND account_type = ? AND account_identifier = ?
              AND account_period = ?
            ORDER BY originating_registry, serial_start""";
    private static final String RESERVED_BY = "SELECT " + COLUMNS + """
             FROM held_pieces
            WHERE valid_to IS NULL AND reserved_by = ?
            ORDER BY originating_registry, serial_start""";
    private static final String LOCKED = " FOR UPDATE";
    private static final String INSERT = "INSERT INTO held_pieces (" + COLUMNS + ", valid_from)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String CLOSE = "UPDATE held_pieces SET valid_to = ? WHERE " + EXACTLY + " AND valid_from < ?";
    private static final String DROP = "DELETE FROM held_pieces WHERE " + EXACTLY + " AND valid_from >= ?";
    private static final String ISSUED = """
            SELECT coalesce(sum(serial_end - serial_start + 1), 0) FROM held_pieces
             WHERE valid_to IS NULL AND originating_registry = ? AND original_period = ? AND unit_type IN (?, ?)""";
    private static final String HELD_AT = """
             FROM held_pieces
            WHERE account_registry = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)""";
    private static final String HELD_IN_ANY_AT = """
             FROM held_pieces
            WHERE account_registry = ANY (?::text[]) AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)""";
    private static final String SNAPSHOT = "SELECT " + COLUMNS + HELD_AT + " ORDER BY originating_registry, serial_start";
    private static final String TOTALS = """
            SELECT account_type, account_period, unit_type, supp_unit_type, sum(serial_end - serial_start + 1)"""
            + HELD_IN_ANY_AT + """
             GROUP BY account_type, account_period, unit_type, supp_unit_type
             ORDER BY account_type, account_period, unit_type, supp_unit_type""";
    private static final String ACCOUNT_TOTALS = """
            SELECT account_type, account_period, unit_type, supp_unit_type, sum(serial_end - serial_start + 1),
                   account_identifier""" + HELD_IN_ANY_AT + """
             GROUP BY account_type, account_period, unit_type, supp_unit_type, account_identifier
             ORDER BY account_type, account_period, unit_type, supp_unit_type, account_identifier""";

    private final Database database;

    public PostgresHoldings(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    // ---- HoldingStore: the ledger's side, inside a unit of work ----

    @Override
    public List<HeldBlock> overlapping(RegistryCode origin, SerialRange range) {
        requireUnitOfWork();
        return lockedRead(OVERLAPPING, statement -> {
            statement.setString(1, origin.value());
            statement.setLong(2, range.start());
            statement.setLong(3, range.end());
        });
    }

    @Override
    public List<HeldBlock> reservedBy(TransactionId transaction) {
        requireUnitOfWork();
        return lockedRead(RESERVED_BY, statement -> statement.setString(1, transaction.toString()));
    }

    @Override
    public void remove(HeldBlock piece, Instant at) {
        requireUnitOfWork();
        int removed = update(CLOSE, statement -> {
            statement.setObject(1, utc(at));
            statement.setObject(HeldPieceColumns.bind(statement, 2, piece), utc(at));
        });
        if (removed == 0) {
            removed = update(DROP, statement -> statement.setObject(HeldPieceColumns.bind(statement, 1, piece), utc(at)));
        }
        if (removed != 1) {
            throw new IllegalStateException("not held as such: " + piece);
        }
    }

    @Override
    public void add(HeldBlock piece, Instant at) {
        requireUnitOfWork();
        update(INSERT, statement -> statement.setObject(HeldPieceColumns.bind(statement, 1, piece), utc(at)));
    }

    @Override
    public List<HeldBlock> heldBy(AccountRef account) {
        return database.call(() -> read(HELD_BY, statement -> HeldPieceColumns.bindAccount(statement, 1, account)));
    }

    // ---- Holdings: what the checks read ----

    @Override
    public List<HeldBlock> holdersOf(UnitBlockId block) {
        return database.call(() -> read(OVERLAPPING, statement -> {
            statement.setString(1, block.originatingRegistry().value());
            statement.setLong(2, block.range().start());
            statement.setLong(3, block.range().end());
        }));
    }

    @Override
    public long issuedQuantity(RegistryCode originatingRegistry, UnitType unitType, CommitmentPeriod originalPeriod) {
        UnitType convertedFrom = switch (unitType) {
            case AAU -> UnitType.ERU_FROM_AAU;
            case RMU -> UnitType.ERU_FROM_RMU;
            default -> unitType;
        };
        return database.call(() -> database.session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(ISSUED)) {
                statement.setString(1, originatingRegistry.value());
                statement.setShort(2, (short) originalPeriod.code());
                statement.setShort(3, (short) unitType.code());
                statement.setShort(4, (short) convertedFrom.code());
                try (ResultSet sum = statement.executeQuery()) {
                    sum.next();
                    return sum.getLong(1);
                }
            }
        }));
    }

    // ---- HoldingSnapshots: what reconciliation reads ----

    @Override
    public void holdingsAsOf(RegistryCode registry, Instant snapshot, Consumer<? super HeldBlock> each) {
        database.run(() -> database.session().doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SNAPSHOT)) {
                bindSnapshot(statement, registry, snapshot);
                // Inside a database transaction, a fetch size makes the driver read through a cursor, a batch at a time.
                statement.setFetchSize(SNAPSHOT_BATCH);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        each.accept(HeldPieceColumns.read(rows));
                    }
                }
            }
        }));
    }

    @Override
    public List<HoldingTotal> totalsAsOf(Collection<RegistryCode> registries, Instant snapshot) {
        return totals(TOTALS, registries, snapshot, false);
    }

    @Override
    public List<HoldingTotal> accountTotalsAsOf(Collection<RegistryCode> registries, Instant snapshot) {
        return totals(ACCOUNT_TOTALS, registries, snapshot, true);
    }

    private List<HoldingTotal> totals(String sql, Collection<RegistryCode> registries, Instant snapshot,
                                      boolean perAccount) {
        return database.call(() -> database.session().doReturningWork(connection -> {
            List<HoldingTotal> totals = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf("text", registries.stream().map(RegistryCode::value).toArray()));
                statement.setObject(2, utc(snapshot));
                statement.setObject(3, utc(snapshot));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        totals.add(new HoldingTotal(AccountType.fromCode(rows.getShort(1)),
                                perAccount ? rows.getLong(6) : null, CommitmentPeriod.fromCode(rows.getShort(2)),
                                UnitType.fromCode(rows.getShort(3)), rows.getInt(4), rows.getLong(5)));
                    }
                }
            }
            return totals;
        }));
    }

    private static void bindSnapshot(PreparedStatement statement, RegistryCode registry, Instant snapshot)
            throws SQLException {
        statement.setString(1, registry.value());
        statement.setObject(2, utc(snapshot));
        statement.setObject(3, utc(snapshot));
    }

    // ---- plumbing ----

    /**
     * Reads and locks until two reads in a row agree. At READ COMMITTED, a read that waited for another unit of
     * work's locks does not see the pieces that unit of work put in; reading again, with the locks held, does.
     */
    private List<HeldBlock> lockedRead(String sql, Parameters parameters) {
        List<HeldBlock> locked = read(sql + LOCKED, parameters);
        while (true) {
            List<HeldBlock> again = read(sql + LOCKED, parameters);
            if (again.equals(locked)) {
                return again;
            }
            locked = again;
        }
    }

    private List<HeldBlock> read(String sql, Parameters parameters) {
        return database.session().doReturningWork(connection -> {
            List<HeldBlock> pieces = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                parameters.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        pieces.add(HeldPieceColumns.read(rows));
                    }
                }
            }
            return pieces;
        });
    }

    private int update(String sql, Parameters parameters) {
        return database.session().doReturningWork((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                parameters.bind(statement);
                return statement.executeUpdate();
            }
        });
    }

    private void requireUnitOfWork() {
        if (!database.inUnitOfWork()) {
            throw new IllegalStateException(
                    "the ledger locks the pieces it changes until the unit of work ends: run it inside one");
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    @FunctionalInterface
    private interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }
}
