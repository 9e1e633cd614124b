package org.itlgateway.core.store.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import org.itlgateway.core.CodedValue;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.LulucfActivity;
import org.itlgateway.core.unit.Track;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;

/** How a held piece is written to and read from the columns of {@code held_pieces}, always in the same order. */
final class HeldPieceColumns {

    /** The sixteen columns that describe a piece, in binding order. */
    static final String COLUMNS = """
            originating_registry, serial_start, serial_end, unit_type, supp_unit_type, original_period,
            applicable_period, lulucf_activity, project_id, track, expiry_date, account_registry, account_type,
            account_identifier, account_period, reserved_by""";

    /** The current piece that is exactly the one bound, in the order of {@link #COLUMNS}. */
    static final String EXACTLY = """
            valid_to IS NULL AND originating_registry = ? AND serial_start = ? AND serial_end = ?
            AND unit_type = ? AND supp_unit_type = ? AND original_period = ? AND applicable_period = ?
            AND lulucf_activity IS NOT DISTINCT FROM ? AND project_id IS NOT DISTINCT FROM ?
            AND track IS NOT DISTINCT FROM ? AND expiry_date IS NOT DISTINCT FROM ?
            AND account_registry = ? AND account_type = ? AND account_identifier = ? AND account_period = ?
            AND reserved_by IS NOT DISTINCT FROM ?""";

    private HeldPieceColumns() {
    }

    /** Binds {@code piece} to sixteen parameters starting at {@code index}; answers the next free index. */
    static int bind(PreparedStatement statement, int index, HeldBlock piece) throws SQLException {
        UnitAttributes a = piece.block().attributes();
        int i = index;
        statement.setString(i++, a.originatingRegistry().value());
        statement.setLong(i++, piece.range().start());
        statement.setLong(i++, piece.range().end());
        statement.setShort(i++, (short) a.unitType().code());
        statement.setInt(i++, a.suppUnitType());
        statement.setShort(i++, (short) a.originalPeriod().code());
        statement.setShort(i++, (short) a.applicablePeriod().code());
        bindCode(statement, i++, a.lulucfActivity());
        if (a.projectId() == null) {
            statement.setNull(i++, Types.BIGINT);
        } else {
            statement.setLong(i++, a.projectId());
        }
        bindCode(statement, i++, a.track());
        if (a.expiryDate() == null) {
            statement.setNull(i++, Types.DATE);
        } else {
            statement.setObject(i++, a.expiryDate());
        }
        i = bindAccount(statement, i, piece.account());
        statement.setString(i++, piece.reservedBy() == null ? null : piece.reservedBy().toString());
        return i;
    }

    /** Binds an account to four parameters (registry, type, identifier, period); answers the next free index. */
    static int bindAccount(PreparedStatement statement, int index, AccountRef account) throws SQLException {
        statement.setString(index, account.registry().value());
        statement.setShort(index + 1, (short) account.type().code());
        statement.setLong(index + 2, account.identifier());
        statement.setShort(index + 3, (short) account.period().code());
        return index + 4;
    }

    private static void bindCode(PreparedStatement statement, int index, CodedValue value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.SMALLINT);
        } else {
            statement.setShort(index, (short) value.code());
        }
    }

    /** Reads the piece in the first sixteen columns of the current row, in the order of {@link #COLUMNS}. */
    static HeldBlock read(ResultSet row) throws SQLException {
        RegistryCode origin = RegistryCode.of(row.getString(1));
        long start = row.getLong(2);
        long end = row.getLong(3);
        UnitType unitType = UnitType.fromCode(row.getShort(4));
        int suppUnitType = row.getInt(5);
        CommitmentPeriod originalPeriod = CommitmentPeriod.fromCode(row.getShort(6));
        CommitmentPeriod applicablePeriod = CommitmentPeriod.fromCode(row.getShort(7));
        Integer lulucf = nullableInt(row, 8);
        Long projectId = row.getObject(9, Long.class);
        Integer track = nullableInt(row, 10);
        LocalDate expiry = row.getObject(11, LocalDate.class);
        AccountRef account = new AccountRef(RegistryCode.of(row.getString(12)), AccountType.fromCode(row.getShort(13)),
                row.getLong(14), CommitmentPeriod.fromCode(row.getShort(15)));
        String reservedBy = row.getString(16);
        UnitAttributes attributes = new UnitAttributes(origin, unitType, suppUnitType, originalPeriod, applicablePeriod,
                lulucf == null ? null : LulucfActivity.fromCode(lulucf), projectId,
                track == null ? null : Track.fromCode(track), expiry);
        return new HeldBlock(UnitBlock.of(start, end, attributes), account,
                reservedBy == null ? null : TransactionId.parse(reservedBy));
    }

    private static Integer nullableInt(ResultSet row, int column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }
}
