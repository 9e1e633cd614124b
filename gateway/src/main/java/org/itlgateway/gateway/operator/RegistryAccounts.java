package org.itlgateway.gateway.operator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.itlgateway.core.account.Account;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountStatus;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.unit.CommitmentPeriod;

/** Every account a registry keeps, in order of account type and identifier. */
final class RegistryAccounts {

    private static final String ALL = "select account_type, identifier, period, holder, status from accounts"
            + " where registry = ? order by account_type, identifier, period";

    private RegistryAccounts() {
    }

    /** Reads on the connection of the running unit of work. */
    static List<Account> of(Connection connection, RegistryCode registry) throws SQLException {
        List<Account> accounts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(ALL)) {
            select.setString(1, registry.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    AccountRef ref = new AccountRef(registry, AccountType.fromCode(rows.getInt(1)), rows.getLong(2),
                            CommitmentPeriod.fromCode(rows.getInt(3)));
                    accounts.add(new Account(ref, rows.getString(4), AccountStatus.valueOf(rows.getString(5))));
                }
            }
        }
        return accounts;
    }
}
