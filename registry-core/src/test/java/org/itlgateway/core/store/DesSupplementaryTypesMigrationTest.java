package org.itlgateway.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.transaction.TransactionType;
import org.junit.jupiter.api.Test;

/**
 * Transactions a node stored with the supplementary numbers it used before taking the DES's keep their meaning after
 * the upgrade: 4-6, 4-8 and 4-9 are the DES's 4-48, 4-45 and 4-46; the four replacements 6-1 to 6-4 are the DES's
 * 6-0, told apart by their acquiring accounts; a carry-over 7-0 is 7-39 when it carried AAUs only and 7-38 otherwise;
 * the CDM registry's 4-3, 10-52 and 3-47 are its 4-83, 10-82 and 10-81.
 */
class DesSupplementaryTypesMigrationTest {

    @Test
    void transactionsStoredWithTheEarlierNumbersKeepTheirMeaningAfterTheUpgrade() throws SQLException {
        DatabaseSettings settings = TestPostgres.freshSchema();
        DatabaseSettings.External server = settings.server();
        Flyway.configure().dataSource(server.jdbcUrl(), server.user(), server.password())
                .schemas(settings.schema()).defaultSchema(settings.schema()).createSchemas(true)
                .locations("classpath:db/migration").target("3").load().migrate();
        // id, type, supplementary type, acquiring account type (0: none), unit types of its blocks
        Object[][] stored = {
            {"T1", 4, 6, 250, new int[] {1}},
            {"T2", 4, 8, 270, new int[] {1}},
            {"T3", 4, 9, 280, new int[] {1}},
            {"T4", 6, 1, 411, new int[] {5}},
            {"T5", 6, 2, 421, new int[] {5}},
            {"T6", 6, 3, 422, new int[] {5}},
            {"T7", 6, 4, 423, new int[] {5}},
            {"T8", 7, 0, 0, new int[] {1, 1}},
            {"T9", 7, 0, 0, new int[] {1, 5}},
            {"T10", 4, 3, 240, new int[] {5}},
            {"T11", 10, 52, 100, new int[] {5}},
            {"T12", 3, 47, 100, new int[] {5}},
            {"T13", 4, 0, 230, new int[] {5}},
        };
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement insert = connection.createStatement()) {
            insert.execute("SET search_path TO " + settings.schema());
            for (Object[] row : stored) {
                String account = (int) row[3] == 0 ? "NULL, NULL, NULL, NULL"
                        : "'CDM', " + row[3] + ", 1, 0";
                insert.execute("INSERT INTO transactions (id, transaction_type, supplementary_type, transferring_registry,"
                        + " acquiring_registry, acquiring_account_registry, acquiring_account_type,"
                        + " acquiring_account_identifier, acquiring_account_period, proposed_at, status, version) VALUES ('"
                        + row[0] + "', " + row[1] + ", " + row[2] + ", 'CDM', 'CDM', " + account
                        + ", now(), 4, 0)");
                int[] units = (int[]) row[4];
                for (int position = 0; position < units.length; position++) {
                    insert.execute("INSERT INTO transaction_blocks (transaction_id, position, originating_registry,"
                            + " serial_start, serial_end, unit_type, supp_unit_type, original_period, applicable_period)"
                            + " VALUES ('" + row[0] + "', " + position + ", 'NZ', " + (position * 10 + 1) + ", "
                            + (position * 10 + 5) + ", " + units[position] + ", 0, 1, 2)");
                }
            }
        }

        Database upgraded = Database.start(settings);
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement read = connection.createStatement()) {
            read.execute("SET search_path TO " + settings.schema());
            List<String> kinds = new ArrayList<>();
            try (ResultSet rows = read.executeQuery("SELECT transaction_type, supplementary_type, acquiring_account_type"
                    + " FROM transactions ORDER BY length(id), id")) {
                while (rows.next()) {
                    int accountCode = rows.getInt(3);
                    AccountType accountType = rows.wasNull() ? null : AccountType.fromCode(accountCode);
                    TransactionType type = TransactionType.fromCode(rows.getInt(1));
                    kinds.add(type.code() + "-" + rows.getInt(2) + " "
                            + SupplementaryType.of(type, rows.getInt(2), accountType)
                            .map(Enum::name).orElse("unknown"));
                }
            }
            assertEquals(List.of(
                    "4-48 MANDATORY_CANCELLATION",
                    "4-45 ARTICLE_3_7_TER_CANCELLATION",
                    "4-46 AMBITION_INCREASE_CANCELLATION",
                    "6-0 TCER_REPLACEMENT_FOR_EXPIRY",
                    "6-0 LCER_REPLACEMENT_FOR_EXPIRY",
                    "6-0 LCER_REPLACEMENT_FOR_REVERSAL_OF_STORAGE",
                    "6-0 LCER_REPLACEMENT_FOR_NON_SUBMISSION",
                    "7-39 CARRY_OVER_OF_AAUS",
                    "7-38 CARRY_OVER_OF_CERS_AND_ERUS",
                    "4-83 EXCESS_ISSUANCE_CANCELLATION",
                    "10-82 TEMPORARY_HOLDING_FORWARDING",
                    "10-81 SHARE_OF_PROCEEDS_AT_ISSUANCE",
                    "4-0 VOLUNTARY_CANCELLATION"), kinds);
        } finally {
            TestPostgres.drop(upgraded);
        }
    }
}
