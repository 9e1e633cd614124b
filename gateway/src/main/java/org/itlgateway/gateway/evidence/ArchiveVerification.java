package org.itlgateway.gateway.evidence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Checks the archive from its first record to its head: sequence numbers run 1, 2, 3… with no gap; each record
 * links to the hash of the one before it (the first to the genesis hash); its content hash is the SHA-256 of its
 * content; its record hash is the one its fields give ({@link RecordHash}); and the head names the last record.
 * Stops at the first broken record.
 */
public final class ArchiveVerification {

    private static final int BATCH = 500;

    private ArchiveVerification() {
    }

    /** Checks the archive on {@code connection} (read in one snapshot: it runs in a repeatable-read transaction). */
    public static ArchiveVerdict verify(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            return check(connection);
        } finally {
            connection.rollback();
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    private static ArchiveVerdict check(Connection connection) throws SQLException {
        Walk walk = new Walk(connection);
        EvidenceArchive.readAll(connection, BATCH, walk::check);
        if (walk.broken.isPresent()) {
            return new ArchiveVerdict(walk.checked, walk.previous, walk.broken);
        }
        EvidenceArchive.Head head = EvidenceArchive.head(connection);
        long last = walk.expected - 1;
        if (head.lastSequence() > last) {
            return broken(walk, last + 1, ArchiveVerdict.Fault.HEAD, "the head ends at record " + head.lastSequence()
                    + " but the records end at " + last + ": records " + (last + 1) + " to " + head.lastSequence()
                    + " are missing");
        }
        if (head.lastSequence() < last) {
            return broken(walk, head.lastSequence() + 1, ArchiveVerdict.Fault.HEAD, "the head ends at record "
                    + head.lastSequence() + " but the records go on to " + last + ": record " + (head.lastSequence() + 1)
                    + " was added without an append");
        }
        if (!head.lastSha256().equals(walk.previous)) {
            return broken(walk, last, ArchiveVerdict.Fault.HEAD, "the head's hash " + head.lastSha256()
                    + " is not record " + last + "'s hash " + walk.previous);
        }
        return new ArchiveVerdict(walk.checked, walk.previous, Optional.empty());
    }

    private static ArchiveVerdict broken(Walk walk, long sequence, ArchiveVerdict.Fault fault, String detail) {
        return new ArchiveVerdict(walk.checked, walk.previous,
                Optional.of(new ArchiveVerdict.Break(sequence, fault, detail)));
    }

    /** The walk along the chain: what the next record must be. */
    private static final class Walk {

        private final Connection connection;
        private long expected = 1;
        private String previous = RecordHash.GENESIS;
        private long checked;
        private Optional<ArchiveVerdict.Break> broken = Optional.empty();

        Walk(Connection connection) {
            this.connection = connection;
        }

        void check(EvidenceRecord record) throws SQLException {
            if (broken.isPresent()) {
                return;
            }
            broken = faultOf(record);
            if (broken.isEmpty()) {
                checked++;
                expected = record.sequence() + 1;
                previous = record.recordSha256();
            }
        }

        private Optional<ArchiveVerdict.Break> faultOf(EvidenceRecord record) throws SQLException {
            long sequence = record.sequence();
            if (sequence != expected) {
                return found(sequence, ArchiveVerdict.Fault.GAP, "record " + sequence + " follows record "
                        + (expected - 1) + ": " + (sequence - expected == 1 ? "record " + expected + " is"
                        : "records " + expected + " to " + (sequence - 1) + " are") + " missing");
            }
            if (!record.previousSha256().equals(previous)) {
                List<Long> linked = EvidenceArchive.sequencesWithHash(connection, record.previousSha256());
                if (!linked.isEmpty()) {
                    return found(sequence, ArchiveVerdict.Fault.ORDER, "record " + sequence + " links to record "
                            + linked.get(0) + ", not to record " + (sequence - 1)
                            + ": records were reordered, inserted or removed");
                }
                return found(sequence, ArchiveVerdict.Fault.LINK, "record " + sequence + "'s previous hash "
                        + record.previousSha256() + " is not record " + (sequence - 1) + "'s hash " + previous);
            }
            String content = RecordHash.sha256(record.content());
            if (!content.equals(record.contentSha256())) {
                return found(sequence, ArchiveVerdict.Fault.CONTENT, "record " + sequence + "'s content ("
                        + record.kind() + ") hashes to " + content + ", not to its content hash "
                        + record.contentSha256());
            }
            String computed = record.computedRecordSha256();
            if (!computed.equals(record.recordSha256())) {
                return found(sequence, ArchiveVerdict.Fault.FIELDS, "record " + sequence + "'s fields hash to "
                        + computed + ", not to its record hash " + record.recordSha256()
                        + ": its kind, time, operation, subject, peer or sequence changed");
            }
            return Optional.empty();
        }

        private static Optional<ArchiveVerdict.Break> found(long sequence, ArchiveVerdict.Fault fault, String detail) {
            return Optional.of(new ArchiveVerdict.Break(sequence, fault, detail));
        }
    }
}
