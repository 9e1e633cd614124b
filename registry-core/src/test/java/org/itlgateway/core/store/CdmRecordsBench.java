package org.itlgateway.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.itlgateway.core.cdm.InMemoryCdmRecords;
import org.itlgateway.core.cdm.Issuances;
import org.itlgateway.core.cdm.ProjectTallies;
import org.itlgateway.core.cdm.TemporaryHoldingAccounts;
import org.itlgateway.core.cdm.VoluntaryCancellations;
import org.itlgateway.core.store.sql.PostgresIssuances;
import org.itlgateway.core.store.sql.PostgresProjectTallies;
import org.itlgateway.core.store.sql.PostgresTemporaryHoldingAccounts;
import org.itlgateway.core.store.sql.PostgresVoluntaryCancellations;

/** The CDM registry's own records on one kind of store, emptied before each test. */
abstract class CdmRecordsBench implements AutoCloseable {

    private final String name;
    Issuances issuances;
    ProjectTallies tallies;
    VoluntaryCancellations cancellations;
    TemporaryHoldingAccounts temporaryAccounts;

    CdmRecordsBench(String name) {
        this.name = name;
    }

    static CdmRecordsBench inMemory() {
        return new CdmRecordsBench("in memory") {
            @Override
            void empty() {
                InMemoryCdmRecords records = new InMemoryCdmRecords();
                issuances = records.issuances();
                tallies = records.tallies();
                cancellations = records.voluntaryCancellations();
                temporaryAccounts = records.temporaryHoldingAccounts();
            }

            @Override
            public void close() {
            }
        };
    }

    static CdmRecordsBench postgres() {
        Database database = TestPostgres.open();
        return new CdmRecordsBench("on PostgreSQL") {
            @Override
            void empty() {
                try (Connection connection = database.dataSource().getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("TRUNCATE cdm_issuances, cdm_project_tallies, cdm_voluntary_cancellations,"
                            + " cdm_attestations, cdm_attestation_blocks, cdm_temporary_holding_accounts");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                issuances = new PostgresIssuances(database);
                tallies = new PostgresProjectTallies(database);
                cancellations = new PostgresVoluntaryCancellations(database);
                temporaryAccounts = new PostgresTemporaryHoldingAccounts(database);
            }

            @Override
            public void close() {
                TestPostgres.drop(database);
            }
        };
    }

    /** Starts again with no records. */
    abstract void empty();

    @Override
    public abstract void close();

    @Override
    public String toString() {
        return name;
    }
}
