package org.itlgateway.core.store.sql;

import static org.itlgateway.core.store.sql.RecordColumns.ACCOUNT_WIDTH;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.cdm.TemporaryHoldingAccount;
import org.itlgateway.core.cdm.TemporaryHoldingAccounts;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.store.Database;

/**
 * The CDM registry's temporary holding accounts in {@code cdm_temporary_holding_accounts}, keyed by the account.
 * Saving again replaces the participant and destination. Each call joins the running unit of work or runs in its
 * own.
 */
public final class PostgresTemporaryHoldingAccounts implements TemporaryHoldingAccounts {

    private static final String COLUMNS = """
            account_registry, account_type, account_identifier, account_period, participant,
            destination_registry, destination_type, destination_identifier, destination_period""";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM cdm_temporary_holding_accounts";
    private static final String BY_ACCOUNT = SELECT
            + " WHERE account_registry = ? AND account_type = ? AND account_identifier = ? AND account_period = ?";
    private static final String FOR_DESTINATION = SELECT
            + " WHERE destination_registry = ? ORDER BY account_identifier, added";
    private static final String SAVE = "INSERT INTO cdm_temporary_holding_accounts (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + """
             ON CONFLICT (account_registry, account_type, account_identifier, account_period) DO UPDATE SET
                participant = EXCLUDED.participant, destination_registry = EXCLUDED.destination_registry,
                destination_type = EXCLUDED.destination_type, destination_identifier = EXCLUDED.destination_identifier,
                destination_period = EXCLUDED.destination_period""";

    private final Database database;

    public PostgresTemporaryHoldingAccounts(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<TemporaryHoldingAccount> find(AccountRef account) {
        return Statements.query(database, BY_ACCOUNT, s -> RecordColumns.bindAccount(s, 1, account),
                PostgresTemporaryHoldingAccounts::read).stream().findFirst();
    }

    @Override
    public List<TemporaryHoldingAccount> forDestinationRegistry(RegistryCode registry) {
        return Statements.query(database, FOR_DESTINATION, s -> s.setString(1, registry.value()),
                PostgresTemporaryHoldingAccounts::read);
    }

    @Override
    public void save(TemporaryHoldingAccount account) {
        Statements.update(database, SAVE, statement -> {
            int i = RecordColumns.bindAccount(statement, 1, account.account());
            statement.setString(i++, account.participant());
            RecordColumns.bindAccount(statement, i, account.destination());
        });
    }

    private static TemporaryHoldingAccount read(ResultSet row) throws SQLException {
        return new TemporaryHoldingAccount(RecordColumns.readAccount(row, 1), row.getString(1 + ACCOUNT_WIDTH),
                RecordColumns.readAccount(row, 2 + ACCOUNT_WIDTH));
    }
}
