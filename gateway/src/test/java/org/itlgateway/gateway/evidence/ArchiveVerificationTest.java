package org.itlgateway.gateway.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.itlgateway.core.store.Database;
import org.itlgateway.core.transaction.StatusChange;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.gateway.delivery.Transactor;
import org.itlgateway.gateway.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The archive chains its records, and {@code verify-archive} finds each way of tampering with them and names the
 * first broken record: changed message bytes, a changed status, a changed time, a deleted record, two records
 * swapped, a record added.
 */
class ArchiveVerificationTest {

    private static final Instant START = Instant.parse("2024-03-14T09:30:00.123456789Z");
    private static final TransactionId TRANSACTION = TransactionId.parse("JP1001");

    private String schema;
    private Database database;
    private Transactor transactor;

    @BeforeEach
    void setUp() {
        schema = TestDatabase.freshSchemaName();
        database = TestDatabase.open(schema, 2);
        transactor = TestDatabase.transactor(database);
        // a proposal sent, its statuses, the ITL's notification received
        append(EvidenceKind.STATUS_CHANGE, START, null, "JP1001", null, status(1, TransactionStatus.PROPOSED, START));
        append(EvidenceKind.MESSAGE_SENT, START.plusMillis(5), "LOG_ACCEPT_PROPOSAL", "JP1001", "ITL",
                "<soap:Envelope>proposal JP1001 signed by JP</soap:Envelope>".getBytes(StandardCharsets.UTF_8));
        append(EvidenceKind.MESSAGE_RECEIVED, START.plusMillis(40), "REGISTRY_ACCEPT_NOTIFICATION", "JP1001", "ITL",
                "<soap:Envelope>notification JP1001 signed by ITL</soap:Envelope>".getBytes(StandardCharsets.UTF_8));
        append(EvidenceKind.STATUS_CHANGE, START.plusMillis(41), null, "JP1001", null,
                status(2, TransactionStatus.CHECKED_NO_DISCREPANCY, START.plusMillis(41)));
        append(EvidenceKind.STATUS_CHANGE, START.plusMillis(90), null, "JP1001", null,
                status(3, TransactionStatus.COMPLETED, START.plusMillis(90)));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anArchiveAsAppendedIsIntactAndItsRecordsChainInOrder() throws SQLException {
        ArchiveVerdict verdict = verdict();

        assertTrue(verdict.intact(), verdict.summary());
        assertEquals(5, verdict.checked());
        List<EvidenceRecord> records = transactor.inTransaction(connection -> EvidenceArchive.about(connection, "JP1001"));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), records.stream().map(EvidenceRecord::sequence).toList());
        assertEquals(RecordHash.GENESIS, records.get(0).previousSha256());
        for (int i = 1; i < records.size(); i++) {
            assertEquals(records.get(i - 1).recordSha256(), records.get(i).previousSha256());
        }
        assertEquals(Instant.parse("2024-03-14T09:30:00.123456Z"), records.get(0).recordedAt(), "kept to the microsecond");
        assertEquals(verdict.lastSha256(), records.get(4).recordSha256());
    }

    @Test
    void theRecordHashIsTheOneTheDocumentedEncodingGives() {
        String text = "itl-gateway evidence record 1\nsequence:7\nkind:MESSAGE_SENT\n"
                + "recorded_at:2024-03-14T09:30:00.123456Z\noperation:19:LOG_ACCEPT_PROPOSAL\nsubject:6:JP1001\n"
                + "peer:3:ITL\ncontent_sha256:" + "ab".repeat(32) + "\nprevious_sha256:" + RecordHash.GENESIS + "\n";

        assertEquals(RecordHash.sha256(text.getBytes(StandardCharsets.UTF_8)), RecordHash.of(7, "MESSAGE_SENT", START,
                "LOG_ACCEPT_PROPOSAL", "JP1001", "ITL", "ab".repeat(32), RecordHash.GENESIS));
        assertFalse(RecordHash.of(7, "STATUS_CHANGE", START, null, "JP1001", null, "ab".repeat(32), RecordHash.GENESIS)
                .equals(RecordHash.of(7, "STATUS_CHANGE", START, "", "JP1001", null, "ab".repeat(32), RecordHash.GENESIS)),
                "an absent field is not an empty one");
    }

    @Test
    void changedMessageBytesAreFound() throws SQLException {
        tamper("update evidence_record set content = ? where sequence = 3",
                "<soap:Envelope>notification JP1001 signed by CDM</soap:Envelope>".getBytes(StandardCharsets.UTF_8));

        assertBroken(3, ArchiveVerdict.Fault.CONTENT);
    }

    @Test
    void aChangedStatusIsFound() throws SQLException {
        tamper("update evidence_record set content = ? where sequence = 5",
                status(3, TransactionStatus.CANCELLED, START.plusMillis(90)));

        assertBroken(5, ArchiveVerdict.Fault.CONTENT);
    }

    @Test
    void aChangedStatusWithItsContentHashMadeAgainIsFound() throws SQLException {
        byte[] cancelled = status(3, TransactionStatus.CANCELLED, START.plusMillis(90));
        tamper("update evidence_record set content = ?, content_sha256 = '" + RecordHash.sha256(cancelled)
                + "' where sequence = 5", cancelled);

        assertBroken(5, ArchiveVerdict.Fault.FIELDS);
    }

    @Test
    void aChangedTimeIsFound() throws SQLException {
        tamper("update evidence_record set recorded_at = recorded_at - interval '1 hour' where sequence = 2");

        assertBroken(2, ArchiveVerdict.Fault.FIELDS);
    }

    @Test
    void aDeletedRecordIsFound() throws SQLException {
        tamper("delete from evidence_record where sequence = 3");

        ArchiveVerdict.Break broken = assertBroken(4, ArchiveVerdict.Fault.GAP);
        assertTrue(broken.detail().contains("record 3 is missing"), broken.detail());
    }

    @Test
    void aDeletedLastRecordIsFoundByTheHead() throws SQLException {
        tamper("delete from evidence_record where sequence = 5");

        assertBroken(5, ArchiveVerdict.Fault.HEAD);
    }

    @Test
    void twoRecordsSwappedAreFound() throws SQLException {
        tamper("update evidence_record set sequence = 1000 where sequence = 2");
        tamper("update evidence_record set sequence = 2 where sequence = 3");
        tamper("update evidence_record set sequence = 3 where sequence = 1000");

        ArchiveVerdict.Break broken = assertBroken(2, ArchiveVerdict.Fault.ORDER);
        assertTrue(broken.detail().contains("links to record 3"), broken.detail());
    }

    @Test
    void aRecordInsertedAmongTheOthersIsFound() throws SQLException {
        tamper("update evidence_record set sequence = sequence + 100 where sequence >= 3");
        tamper("update evidence_record set sequence = sequence - 99 where sequence >= 103");
        EvidenceRecord second = transactor.inTransaction(connection -> EvidenceArchive.about(connection, "JP1001")).get(1);
        forge(3, second.recordSha256());

        assertBroken(4, ArchiveVerdict.Fault.ORDER);
    }

    @Test
    void aRecordAddedAfterTheLastIsFoundByTheHead() throws SQLException {
        EvidenceArchive.Head head = transactor.inTransaction(EvidenceArchive::head);
        forge(6, head.lastSha256());

        assertBroken(6, ArchiveVerdict.Fault.HEAD);
    }

    @Test
    void theCommandExitsZeroWithASummaryWhenIntactAndNonZeroNamingTheBrokenRecord() throws SQLException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = {"--jdbc-url", TestDatabase.jdbcUrl(), "--schema", schema};

        assertEquals(0, VerifyArchive.run(new PrintWriter(out), new PrintWriter(err), args), err.toString());
        assertTrue(out.toString().startsWith("intact: 5 records"), out.toString());

        tamper("update evidence_record set peer = 'CDM' where sequence = 3");
        assertEquals(1, VerifyArchive.run(new PrintWriter(out), new PrintWriter(err), args));
        assertTrue(err.toString().startsWith("BROKEN at record 3 (FIELDS)"), err.toString());
    }

    @Test
    void anAppendInAUnitOfWorkThatRollsBackLeavesNoRecord() throws SQLException {
        assertThrows(IllegalStateException.class, () -> transactor.inTransaction(connection -> {
            EvidenceArchive.append(connection, EvidenceKind.STATUS_CHANGE, START, null, "JP1002", null, new byte[0]);
            throw new IllegalStateException("the change failed");
        }));

        assertEquals(List.of(), transactor.inTransaction(connection -> EvidenceArchive.about(connection, "JP1002")));
        assertEquals(5, transactor.inTransaction(EvidenceArchive::head).lastSequence());
        append(EvidenceKind.STATUS_CHANGE, START, null, "JP1002", null, new byte[0]);
        assertTrue(verdict().intact());
    }

    private void append(EvidenceKind kind, Instant at, String operation, String subject, String peer, byte[] content) {
        transactor.inTransaction(connection -> EvidenceArchive.append(connection, kind, at, operation, subject, peer,
                content));
    }

    private static byte[] status(int position, TransactionStatus status, Instant at) {
        return StatusChangeText.of(TRANSACTION, position, new StatusChange(status, at, List.of()))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A record made as an append would make it, inserted by hand (the head left as it was). */
    private void forge(long sequence, String previous) throws SQLException {
        byte[] content = "<soap:Envelope>forged</soap:Envelope>".getBytes(StandardCharsets.UTF_8);
        Instant at = RecordHash.stored(START.plusSeconds(1));
        String contentSha256 = RecordHash.sha256(content);
        String recordSha256 = RecordHash.of(sequence, "MESSAGE_RECEIVED", at, "REGISTRY_ACCEPT_NOTIFICATION", "JP1001",
                "ITL", contentSha256, previous);
        tamper("insert into evidence_record (sequence, kind, recorded_at, operation, subject, peer, content,"
                + " content_sha256, previous_sha256, record_sha256) values (" + sequence + ", 'MESSAGE_RECEIVED',"
                + " '" + at + "', 'REGISTRY_ACCEPT_NOTIFICATION', 'JP1001', 'ITL', ?, '" + contentSha256 + "', '"
                + previous + "', '" + recordSha256 + "')", content);
    }

    private ArchiveVerdict.Break assertBroken(long sequence, ArchiveVerdict.Fault fault) throws SQLException {
        ArchiveVerdict verdict = verdict();
        assertFalse(verdict.intact(), verdict.summary());
        ArchiveVerdict.Break broken = verdict.firstBreak().orElseThrow();
        assertEquals(sequence, broken.sequence(), verdict.summary());
        assertEquals(fault, broken.fault(), verdict.summary());
        return broken;
    }

    private ArchiveVerdict verdict() throws SQLException {
        try (Connection connection = connection()) {
            return ArchiveVerification.verify(connection);
        }
    }

    private void tamper(String sql, byte[]... contents) throws SQLException {
        try (Connection connection = connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < contents.length; i++) {
                statement.setBytes(i + 1, contents[i]);
            }
            statement.executeUpdate();
        }
    }

    private Connection connection() throws SQLException {
        DataSource dataSource = TestDatabase.dataSource();
        Connection connection = dataSource.getConnection();
        connection.setSchema(schema);
        return connection;
    }
}
