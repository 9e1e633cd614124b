package org.itlgateway.core.store.sql;

import static org.itlgateway.core.store.sql.RecordColumns.BLOCK;
import static org.itlgateway.core.store.sql.RecordColumns.BLOCK_WIDTH;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.itlgateway.core.cdm.Issuance;
import org.itlgateway.core.cdm.Issuances;
import org.itlgateway.core.store.Database;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.UnitBlock;

/**
 * The CDM registry's completed issuances in {@code cdm_issuances}, one row each with the block issued and the
 * share of proceeds owed. Saving again replaces the row but keeps its place in the order issuances were first
 * recorded, so "oldest first" means what it does in memory. The database refuses a serial number issued twice
 * and a 3-47 transaction carrying the share of two issuances. Each call joins the running unit of work or runs
 * in its own.
 */
public final class PostgresIssuances implements Issuances {

    private static final String COLUMNS = "transaction_id, " + BLOCK
            + ", share_start, share_end, share_transaction_id, share_settled";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM cdm_issuances";
    private static final String BY_TRANSACTION = SELECT + " WHERE transaction_id = ?";
    private static final String BY_SHARE_TRANSACTION = SELECT + " WHERE share_transaction_id = ? ORDER BY added LIMIT 1";
    private static final String UNSETTLED = SELECT + " WHERE NOT share_settled ORDER BY added";
    private static final String SAVE = "INSERT INTO cdm_issuances (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + """
             ON CONFLICT (transaction_id) DO UPDATE SET
                originating_registry = EXCLUDED.originating_registry, serial_start = EXCLUDED.serial_start,
                serial_end = EXCLUDED.serial_end, unit_type = EXCLUDED.unit_type,
                supp_unit_type = EXCLUDED.supp_unit_type, original_period = EXCLUDED.original_period,
                applicable_period = EXCLUDED.applicable_period, lulucf_activity = EXCLUDED.lulucf_activity,
                project_id = EXCLUDED.project_id, track = EXCLUDED.track, expiry_date = EXCLUDED.expiry_date,
                share_start = EXCLUDED.share_start, share_end = EXCLUDED.share_end,
                share_transaction_id = EXCLUDED.share_transaction_id, share_settled = EXCLUDED.share_settled""";

    private final Database database;

    public PostgresIssuances(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<Issuance> find(TransactionId issuance) {
        return Statements.query(database, BY_TRANSACTION, s -> s.setString(1, issuance.toString()),
                PostgresIssuances::read).stream().findFirst();
    }

    @Override
    public Optional<Issuance> findByShareOfProceedsTransaction(TransactionId shareOfProceeds) {
        return Statements.query(database, BY_SHARE_TRANSACTION, s -> s.setString(1, shareOfProceeds.toString()),
                PostgresIssuances::read).stream().findFirst();
    }

    @Override
    public List<Issuance> withShareOfProceedsUnsettled() {
        return Statements.query(database, UNSETTLED, s -> { }, PostgresIssuances::read);
    }

    @Override
    public void save(Issuance issuance) {
        Statements.update(database, SAVE, statement -> {
            statement.setString(1, issuance.transaction().toString());
            int i = RecordColumns.bindBlock(statement, 2, issuance.block());
            SerialRange share = issuance.shareOfProceeds();
            RecordColumns.bindLong(statement, i++, share == null ? null : share.start());
            RecordColumns.bindLong(statement, i++, share == null ? null : share.end());
            if (issuance.shareOfProceedsTransaction() == null) {
                statement.setNull(i++, Types.VARCHAR);
            } else {
                statement.setString(i++, issuance.shareOfProceedsTransaction().toString());
            }
            statement.setBoolean(i, issuance.shareOfProceedsSettled());
        });
    }

    private static Issuance read(ResultSet row) throws SQLException {
        TransactionId transaction = TransactionId.parse(row.getString(1));
        UnitBlock block = RecordColumns.readBlock(row, 2);
        int i = 2 + BLOCK_WIDTH;
        Long shareStart = row.getObject(i++, Long.class);
        Long shareEnd = row.getObject(i++, Long.class);
        String shareTransaction = row.getString(i++);
        boolean settled = row.getBoolean(i);
        return new Issuance(transaction, block, shareStart == null ? null : SerialRange.of(shareStart, shareEnd),
                shareTransaction == null ? null : TransactionId.parse(shareTransaction), settled);
    }
}
