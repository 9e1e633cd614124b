package org.itlgateway.gateway.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The evidence archive's tables: records are appended on the connection of the change they record, so both commit
 * together or not at all. An append locks the head row until its transaction ends: appends of concurrent workers
 * (several inbox processors, outbox lanes, gateway instances on one database) take their turn, and the chain
 * stays one line with no gap.
 */
public final class EvidenceArchive {

    private EvidenceArchive() {
    }

    /** Appends a record after the last one and answers it as stored. */
    public static EvidenceRecord append(Connection connection, EvidenceKind kind, Instant at, String operation,
                                        String subject, String peer, byte[] content) throws SQLException {
        Instant recordedAt = RecordHash.stored(at);
        String contentSha256 = RecordHash.sha256(content);
        long last;
        String previous;
        try (PreparedStatement head = connection.prepareStatement(
                "select last_sequence, last_sha256 from evidence_head where id = 1 for update");
             ResultSet rows = head.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("the evidence archive has no head row");
            }
            last = rows.getLong(1);
            previous = rows.getString(2);
        }
        long sequence = last + 1;
        String recordSha256 = RecordHash.of(sequence, kind.name(), recordedAt, operation, subject, peer, contentSha256,
                previous);
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into evidence_record (sequence, kind, recorded_at, operation, subject, peer, content,"
                        + " content_sha256, previous_sha256, record_sha256) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, sequence);
            insert.setString(2, kind.name());
            insert.setTimestamp(3, Timestamp.from(recordedAt));
            insert.setString(4, operation);
            insert.setString(5, subject);
            insert.setString(6, peer);
            insert.setBytes(7, content);
            insert.setString(8, contentSha256);
            insert.setString(9, previous);
            insert.setString(10, recordSha256);
            insert.executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update evidence_head set last_sequence = ?, last_sha256 = ? where id = 1")) {
            update.setLong(1, sequence);
            update.setString(2, recordSha256);
            update.executeUpdate();
        }
        return new EvidenceRecord(sequence, kind, recordedAt, operation, subject, peer, content, contentSha256,
                previous, recordSha256);
    }

    /** The head: the sequence and hash of the last record appended (0 and the genesis hash when none was). */
    public static Head head(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select last_sequence, last_sha256 from evidence_head where id = 1");
             ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("the evidence archive has no head row");
            }
            return new Head(rows.getLong(1), rows.getString(2));
        }
    }

    /** Reads the records in sequence order, {@code batch} at a time, handing each to {@code reader}. */
    public static void readAll(Connection connection, int batch, RecordReader reader) throws SQLException {
        long after = Long.MIN_VALUE;
        while (true) {
            List<EvidenceRecord> records = readAfter(connection, after, batch);
            for (EvidenceRecord record : records) {
                reader.read(record);
            }
            if (records.size() < batch) {
                return;
            }
            after = records.get(records.size() - 1).sequence();
        }
    }

    /** The records of one subject (a transaction's statuses and messages), in sequence order. */
    public static List<EvidenceRecord> about(Connection connection, String subject) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from evidence_record where subject = ? order by sequence")) {
            select.setString(1, subject);
            return records(select);
        }
    }

    /** The sequence numbers of the records whose record hash is {@code sha256}. */
    public static List<Long> sequencesWithHash(Connection connection, String sha256) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select sequence from evidence_record where record_sha256 = ? order by sequence")) {
            select.setString(1, sha256);
            List<Long> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getLong(1));
                }
            }
            return found;
        }
    }

    private static final String COLUMNS = "sequence, kind, recorded_at, operation, subject, peer, content,"
            + " content_sha256, previous_sha256, record_sha256";

    private static List<EvidenceRecord> readAfter(Connection connection, long after, int batch) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from evidence_record where sequence > ? order by sequence limit ?")) {
            select.setLong(1, after);
            select.setInt(2, batch);
            return records(select);
        }
    }

    private static List<EvidenceRecord> records(PreparedStatement select) throws SQLException {
        List<EvidenceRecord> records = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                records.add(new EvidenceRecord(rows.getLong(1), EvidenceKind.valueOf(rows.getString(2)),
                        rows.getTimestamp(3).toInstant(), rows.getString(4), rows.getString(5), rows.getString(6),
                        rows.getBytes(7), rows.getString(8), rows.getString(9), rows.getString(10)));
            }
        }
        return records;
    }

    /** The archive's head row. */
    public record Head(long lastSequence, String lastSha256) {
    }

    /** Takes the records one by one. */
    @FunctionalInterface
    public interface RecordReader {
        void read(EvidenceRecord record) throws SQLException;
    }
}
