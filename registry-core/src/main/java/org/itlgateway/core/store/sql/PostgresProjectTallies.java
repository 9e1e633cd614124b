package org.itlgateway.core.store.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.itlgateway.core.cdm.ProjectTallies;
import org.itlgateway.core.cdm.ProjectTally;
import org.itlgateway.core.store.Database;

/**
 * The tallies of the CDM registry's projects in {@code cdm_project_tallies}, one row per project.
 *
 * <p>A tally is read, added to and saved back. So that two units of work adding to the same project's tally take
 * turns instead of one overwriting the other, reading a tally holds that project's tally until the unit of work
 * ends (a transaction-level advisory lock, which also covers a project without a tally yet); the second reader
 * waits, then sees what the first saved. Each call joins the running unit of work or runs in its own.
 */
public final class PostgresProjectTallies implements ProjectTallies {

    private static final String COLUMNS = """
            project_id, issued, share_of_proceeds, forwarded_to_holding_accounts, forwarded_to_other_registries,
            voluntarily_cancelled, excess_issuance_cancelled, ccs_cancelled""";
    private static final String HOLD = "SELECT pg_advisory_xact_lock(?, ?)";
    private static final String BY_PROJECT = "SELECT " + COLUMNS + " FROM cdm_project_tallies WHERE project_id = ?";
    private static final String ALL = "SELECT " + COLUMNS + " FROM cdm_project_tallies ORDER BY project_id";
    private static final String SAVE = "INSERT INTO cdm_project_tallies (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + """
             ON CONFLICT (project_id) DO UPDATE SET
                issued = EXCLUDED.issued, share_of_proceeds = EXCLUDED.share_of_proceeds,
                forwarded_to_holding_accounts = EXCLUDED.forwarded_to_holding_accounts,
                forwarded_to_other_registries = EXCLUDED.forwarded_to_other_registries,
                voluntarily_cancelled = EXCLUDED.voluntarily_cancelled,
                excess_issuance_cancelled = EXCLUDED.excess_issuance_cancelled, ccs_cancelled = EXCLUDED.ccs_cancelled""";

    private final Database database;
    /** The first key of this schema's tally locks, so nodes sharing a database do not wait for each other. */
    private final int lockSpace;

    public PostgresProjectTallies(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.lockSpace = (database.schema() + ".cdm_project_tallies").hashCode();
    }

    @Override
    public Optional<ProjectTally> find(long projectId) {
        return database.call(() -> {
            database.session().doWork(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(HOLD)) {
                    statement.setInt(1, lockSpace);
                    statement.setInt(2, Long.hashCode(projectId));
                    statement.execute();
                }
            });
            return Statements.query(database, BY_PROJECT, s -> s.setLong(1, projectId), PostgresProjectTallies::read)
                    .stream().findFirst();
        });
    }

    @Override
    public List<ProjectTally> all() {
        return Statements.query(database, ALL, s -> { }, PostgresProjectTallies::read);
    }

    @Override
    public void save(ProjectTally tally) {
        Statements.update(database, SAVE, statement -> {
            statement.setLong(1, tally.projectId());
            statement.setLong(2, tally.issued());
            statement.setLong(3, tally.shareOfProceeds());
            statement.setLong(4, tally.forwardedToHoldingAccounts());
            statement.setLong(5, tally.forwardedToOtherRegistries());
            statement.setLong(6, tally.voluntarilyCancelled());
            statement.setLong(7, tally.excessIssuanceCancelled());
            statement.setLong(8, tally.ccsCancelled());
        });
    }

    private static ProjectTally read(ResultSet row) throws SQLException {
        return new ProjectTally(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5),
                row.getLong(6), row.getLong(7), row.getLong(8));
    }
}
