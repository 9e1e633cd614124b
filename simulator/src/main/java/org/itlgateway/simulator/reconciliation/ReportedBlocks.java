package org.itlgateway.simulator.reconciliation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.holding.HeldBlockCursor;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.LulucfActivity;
import org.itlgateway.core.unit.Track;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.core.unit.UnitType;
import org.itlgateway.schemas.v1.types.DesHeldUnitBlock;

/**
 * The unit blocks a registry reported for a reconciliation, kept in {@code reconciliation_reported_block} as the
 * chunks arrive (in any order), read back in serial order for the comparison, and deleted once nothing differs or
 * once a manual intervention has used them.
 */
final class ReportedBlocks {

    private static final String COLUMNS = "originating_registry, serial_start, serial_end, unit_type, supp_unit_type,"
            + " original_period, applicable_period, lulucf_activity, project_id, track, expiry_date, account_type,"
            + " account_identifier, account_period";

    private ReportedBlocks() {
    }

    static void add(Connection connection, long reconciliation, int chunk, List<DesHeldUnitBlock> blocks)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into reconciliation_reported_block"
                + " (reconciliation_id, chunk_number, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (DesHeldUnitBlock block : blocks) {
                int i = 1;
                insert.setLong(i++, reconciliation);
                insert.setInt(i++, chunk);
                insert.setString(i++, block.getOriginatingRegistryCode());
                insert.setLong(i++, block.getUnitSerialBlockStart());
                insert.setLong(i++, block.getUnitSerialBlockEnd());
                insert.setShort(i++, (short) block.getUnitType());
                insert.setInt(i++, block.getSuppUnitType());
                insert.setShort(i++, (short) block.getOriginalCommitPeriod());
                insert.setShort(i++, (short) block.getApplicableCommitPeriod());
                insert.setObject(i++, block.getLULUCFActivity(), Types.SMALLINT);
                insert.setObject(i++, block.getProjectIdentifier() == null ? null : block.getProjectIdentifier().longValue(),
                        Types.BIGINT);
                insert.setObject(i++, block.getTrack(), Types.SMALLINT);
                insert.setObject(i++, block.getExpiryDate(), Types.DATE);
                insert.setShort(i++, (short) block.getAccountType());
                insert.setLong(i++, block.getAccountIdentifier());
                insert.setShort(i, (short) block.getAccountCommitPeriod());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The reported blocks in serial order, as pieces held by accounts of {@code registry}. */
    static HeldBlockCursor inOrder(Connection connection, long reconciliation, RegistryCode registry) throws SQLException {
        PreparedStatement select = connection.prepareStatement("select " + COLUMNS
                + " from reconciliation_reported_block where reconciliation_id = ? order by originating_registry, serial_start");
        try {
            select.setLong(1, reconciliation);
            select.setFetchSize(2000);
            return new org.itlgateway.core.store.HeldBlockRows(select, select.executeQuery(), row -> read(row, registry), "the reported blocks");
        } catch (SQLException | RuntimeException e) {
            select.close();
            throw e;
        }
    }

    /** The reported pieces that hold any of {@code block}'s units, as pieces held by accounts of {@code registry}. */
    static List<HeldBlock> overlapping(Connection connection, long reconciliation, RegistryCode registry,
                                       UnitBlockId block) throws SQLException {
        List<HeldBlock> pieces = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS
                + " from reconciliation_reported_block where reconciliation_id = ? and originating_registry = ?"
                + " and serial_start <= ? and serial_end >= ? order by serial_start")) {
            select.setLong(1, reconciliation);
            select.setString(2, block.originatingRegistry().value());
            select.setLong(3, block.range().end());
            select.setLong(4, block.range().start());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    pieces.add(read(rows, registry));
                }
            }
        }
        return pieces;
    }

    static void clear(Connection connection, long reconciliation) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from reconciliation_reported_block where reconciliation_id = ?")) {
            delete.setLong(1, reconciliation);
            delete.executeUpdate();
        }
    }

    private static HeldBlock read(ResultSet rows, RegistryCode registry) throws SQLException {
        Integer lulucf = rows.getObject(8, Integer.class);
        Long project = rows.getObject(9, Long.class);
        Integer track = rows.getObject(10, Integer.class);
        LocalDate expiry = rows.getObject(11, LocalDate.class);
        UnitAttributes attributes = new UnitAttributes(RegistryCode.of(rows.getString(1)),
                UnitType.fromCode(rows.getShort(4)), rows.getInt(5), CommitmentPeriod.fromCode(rows.getShort(6)),
                CommitmentPeriod.fromCode(rows.getShort(7)), lulucf == null ? null : LulucfActivity.fromCode(lulucf),
                project, track == null ? null : Track.fromCode(track), expiry);
        AccountRef account = new AccountRef(registry, AccountType.fromCode(rows.getShort(12)), rows.getLong(13),
                CommitmentPeriod.fromCode(rows.getShort(14)));
        return HeldBlock.free(UnitBlock.of(rows.getLong(2), rows.getLong(3), attributes), account);
    }
}
