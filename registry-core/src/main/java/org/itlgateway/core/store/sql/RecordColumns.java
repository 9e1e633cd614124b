package org.itlgateway.core.store.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.itlgateway.core.CodedValue;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.LulucfActivity;
import org.itlgateway.core.unit.Track;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;

/**
 * How the CDM registry's records write unit blocks, accounts and times to their columns and read them back,
 * codes as their DES numbers, always in the same order.
 */
final class RecordColumns {

    /** The eleven columns of a unit block, in binding order. */
    static final String BLOCK = """
            originating_registry, serial_start, serial_end, unit_type, supp_unit_type, original_period,
            applicable_period, lulucf_activity, project_id, track, expiry_date""";
    static final int BLOCK_WIDTH = 11;
    static final int ACCOUNT_WIDTH = 4;

    private RecordColumns() {
    }

    /** Binds {@code block} to eleven parameters starting at {@code index}; answers the next free index. */
    static int bindBlock(PreparedStatement statement, int index, UnitBlock block) throws SQLException {
        UnitAttributes a = block.attributes();
        int i = index;
        statement.setString(i++, a.originatingRegistry().value());
        statement.setLong(i++, block.start());
        statement.setLong(i++, block.end());
        statement.setInt(i++, a.unitType().code());
        statement.setInt(i++, a.suppUnitType());
        statement.setInt(i++, a.originalPeriod().code());
        statement.setInt(i++, a.applicablePeriod().code());
        bindCode(statement, i++, a.lulucfActivity());
        bindLong(statement, i++, a.projectId());
        bindCode(statement, i++, a.track());
        if (a.expiryDate() == null) {
            statement.setNull(i++, Types.DATE);
        } else {
            statement.setObject(i++, a.expiryDate());
        }
        return i;
    }

    /** Reads the unit block in the eleven columns starting at {@code index}. */
    static UnitBlock readBlock(ResultSet row, int index) throws SQLException {
        int i = index;
        RegistryCode origin = RegistryCode.of(row.getString(i++));
        long start = row.getLong(i++);
        long end = row.getLong(i++);
        UnitType unitType = UnitType.fromCode(row.getInt(i++));
        int suppUnitType = row.getInt(i++);
        CommitmentPeriod originalPeriod = CommitmentPeriod.fromCode(row.getInt(i++));
        CommitmentPeriod applicablePeriod = CommitmentPeriod.fromCode(row.getInt(i++));
        Integer lulucf = row.getObject(i++, Integer.class);
        Long projectId = row.getObject(i++, Long.class);
        Integer track = row.getObject(i++, Integer.class);
        LocalDate expiry = row.getObject(i, LocalDate.class);
        return UnitBlock.of(start, end, new UnitAttributes(origin, unitType, suppUnitType, originalPeriod,
                applicablePeriod, lulucf == null ? null : LulucfActivity.fromCode(lulucf), projectId,
                track == null ? null : Track.fromCode(track), expiry));
    }

    /** Binds an account to four parameters (registry, type, identifier, period); answers the next free index. */
    static int bindAccount(PreparedStatement statement, int index, AccountRef account) throws SQLException {
        statement.setString(index, account.registry().value());
        statement.setInt(index + 1, account.type().code());
        statement.setLong(index + 2, account.identifier());
        statement.setInt(index + 3, account.period().code());
        return index + ACCOUNT_WIDTH;
    }

    /** Reads the account in the four columns starting at {@code index}. */
    static AccountRef readAccount(ResultSet row, int index) throws SQLException {
        return new AccountRef(RegistryCode.of(row.getString(index)), AccountType.fromCode(row.getInt(index + 1)),
                row.getLong(index + 2), CommitmentPeriod.fromCode(row.getInt(index + 3)));
    }

    /** Binds a number that may be missing. */
    static void bindLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    /** Binds a moment as a UTC timestamp (microseconds). */
    static void bindInstant(PreparedStatement statement, int index, Instant at) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    /** Reads a moment, or {@code null} when the column is empty. */
    static Instant readInstant(ResultSet row, int index) throws SQLException {
        OffsetDateTime at = row.getObject(index, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static void bindCode(PreparedStatement statement, int index, CodedValue value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value.code());
        }
    }
}
