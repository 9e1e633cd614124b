package org.itlgateway.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.itlgateway.core.notice.Notice;
import org.itlgateway.core.notice.NoticeStatus;
import org.itlgateway.core.notice.NoticeType;
import org.itlgateway.core.store.jpa.PostgresNotices;
import org.junit.jupiter.api.Test;

/**
 * Notices a node stored with the numbers it used before taking the DES's come back with the same meaning after the
 * upgrade: a CCS project's reversal of storage and missing report (stored 4 and 5) are the DES's 12 and 13, the
 * second period's notices (stored 11 to 13) are 91 to 93; fulfilled (stored 2) is the DES's completed (3), withdrawn
 * (stored 3) is 9.
 */
class DesNoticeCodesMigrationTest {

    @Test
    void noticesStoredWithTheEarlierNumbersKeepTheirMeaningAfterTheUpgrade() throws SQLException {
        DatabaseSettings settings = TestPostgres.freshSchema();
        DatabaseSettings.External server = settings.server();
        Flyway.configure().dataSource(server.jdbcUrl(), server.user(), server.password())
                .schemas(settings.schema()).defaultSchema(settings.schema()).createSchemas(true)
                .locations("classpath:db/migration").target("2").load().migrate();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement insert = connection.createStatement()) {
            insert.execute("SET search_path TO " + settings.schema());
            int[][] stored = {{1, 4, 1}, {2, 5, 2}, {3, 11, 3}, {4, 12, 1}, {5, 13, 1}, {6, 6, 2}};
            for (int[] row : stored) {
                insert.execute("INSERT INTO notices (id, notice_type, status, registry, content) VALUES ("
                        + row[0] + ", " + row[1] + ", " + row[2] + ", 'CDM', 'stored before')");
            }
        }

        Database upgraded = Database.start(settings);
        try {
            PostgresNotices notices = new PostgresNotices(upgraded);
            List<Notice> read = upgraded.call(() -> List.of(1L, 2L, 3L, 4L, 5L, 6L).stream()
                    .map(id -> notices.find(id).orElseThrow()).toList());
            assertEquals(List.of(NoticeType.CCS_NET_REVERSAL_OF_STORAGE, NoticeType.CCS_NON_SUBMISSION_OF_VERIFICATION_REPORT,
                    NoticeType.ARTICLE_3_7_TER_CANCELLATION, NoticeType.AMBITION_INCREASE_CANCELLATION,
                    NoticeType.PREVIOUS_PERIOD_SURPLUS_RESERVE, NoticeType.EXCESS_ISSUANCE),
                    read.stream().map(Notice::type).toList());
            assertEquals(List.of(NoticeStatus.OPEN, NoticeStatus.FULFILLED, NoticeStatus.WITHDRAWN, NoticeStatus.OPEN,
                    NoticeStatus.OPEN, NoticeStatus.FULFILLED), read.stream().map(Notice::status).toList());
        } finally {
            TestPostgres.drop(upgraded);
        }
    }
}
