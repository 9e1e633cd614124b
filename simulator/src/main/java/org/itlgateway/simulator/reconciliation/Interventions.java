package org.itlgateway.simulator.reconciliation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The manual interventions, in {@code reconciliation_intervention} beside the reconciliation they ended. */
final class Interventions {

    private Interventions() {
    }

    static void record(Connection connection, long reconciliation, RightSide rightSide, long correctedUnits)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into reconciliation_intervention"
                + " (reconciliation_id, right_side, corrected_units) values (?, ?, ?)")) {
            insert.setLong(1, reconciliation);
            insert.setString(2, rightSide.name());
            insert.setLong(3, correctedUnits);
            insert.executeUpdate();
        }
    }

    /** The intervention that ended a reconciliation, when one did. */
    static Optional<ManualIntervention> of(Connection connection, long reconciliation) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select r.resolved_by, r.resolution_note, r.status_at, i.right_side, i.corrected_units
                  from reconciliation r join reconciliation_intervention i on i.reconciliation_id = r.id
                 where r.id = ?""")) {
            select.setLong(1, reconciliation);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ManualIntervention(row.getString(1), row.getString(2),
                        RightSide.valueOf(row.getString(4)), row.getLong(5), row.getTimestamp(3).toInstant()));
            }
        }
    }
}
