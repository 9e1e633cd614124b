package org.itlgateway.gateway.evidence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itlgateway.gateway.security.SignatureRefusal;
import org.itlgateway.gateway.security.SignerIdentity;
import org.itlgateway.gateway.security.TrustAsOf;
import org.itlgateway.gateway.security.VerifiedSignature;

/**
 * Checks the archive from its first record to its head: sequence numbers run 1, 2, 3… with no gap; each record
 * links to the hash of the one before it (the first to the genesis hash); its content hash is the SHA-256 of its
 * content; its record hash is the one its fields give ({@link RecordHash}); and the head names the last record.
 * Each signed checkpoint's signature verifies with its certificate, over the hash the record at its sequence has.
 * Given what to trust ({@link TrustAsOf}), each checkpoint's signer chained to it and was not revoked when it
 * signed, and each archived message's own WS-Security signature verifies with its signer trusted as of the record's
 * time. Stops at the first broken record or checkpoint, in sequence order.
 */
public final class ArchiveVerification {

    private static final int BATCH = 500;

    private ArchiveVerification() {
    }

    /** Checks the archive on {@code connection}: its chain and its checkpoints' signatures, signers not judged. */
    public static ArchiveVerdict verify(Connection connection) throws SQLException {
        return verify(connection, Optional.empty());
    }

    /**
     * Checks the archive on {@code connection} (read in one snapshot: it runs in a repeatable-read transaction),
     * judging signers against {@code trust} when given.
     */
    public static ArchiveVerdict verify(Connection connection, Optional<TrustAsOf> trust) throws SQLException {
        return verify(connection, trust, List.of());
    }

    /**
     * The same, and each checkpoint the ITL holds of the node ({@code heldByTheLog}) must be in the archive as the
     * ITL holds it, of a record that has the hash it signed: one the archive lacks or contradicts is a
     * {@code CHECKPOINT} fault.
     */
    public static ArchiveVerdict verify(Connection connection, Optional<TrustAsOf> trust,
                                        List<EvidenceCheckpoint> heldByTheLog) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            return check(new DatabaseSource(connection), trust, heldByTheLog);
        } finally {
            connection.rollback();
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Checks an export (no database), judging signers against {@code trust} when given. */
    public static ArchiveVerdict verify(ArchiveExport export, Optional<TrustAsOf> trust) {
        return verify(export, trust, List.of());
    }

    /** Checks an export, and the checkpoints the ITL holds of the node against it (as above). */
    public static ArchiveVerdict verify(ArchiveExport export, Optional<TrustAsOf> trust,
                                        List<EvidenceCheckpoint> heldByTheLog) {
        try {
            return check(export.source(), trust, heldByTheLog);
        } catch (SQLException e) {
            throw new IllegalStateException("an export is read from memory", e);
        }
    }

    private static ArchiveVerdict check(ArchiveSource source, Optional<TrustAsOf> trust,
                                        List<EvidenceCheckpoint> heldByTheLog) throws SQLException {
        Walk walk = new Walk(source, trust, source.checkpoints(), heldByTheLog);
        source.readAll(walk::check);
        if (walk.broken.isPresent()) {
            return walk.verdict();
        }
        EvidenceArchive.Head head = source.head();
        long last = walk.expected - 1;
        if (head.lastSequence() > last) {
            return walk.broken(last + 1, ArchiveVerdict.Fault.HEAD, "the head ends at record " + head.lastSequence()
                    + " but the records end at " + last + ": records " + (last + 1) + " to " + head.lastSequence()
                    + " are missing");
        }
        if (head.lastSequence() < last) {
            return walk.broken(head.lastSequence() + 1, ArchiveVerdict.Fault.HEAD, "the head ends at record "
                    + head.lastSequence() + " but the records go on to " + last + ": record "
                    + (head.lastSequence() + 1) + " was added without an append");
        }
        if (!head.lastSha256().equals(walk.previous)) {
            return walk.broken(last, ArchiveVerdict.Fault.HEAD, "the head's hash " + head.lastSha256()
                    + " is not record " + last + "'s hash " + walk.previous);
        }
        if (!walk.pending.isEmpty()) {
            EvidenceCheckpoint beyond = walk.pending.peek();
            return walk.broken(beyond.sequence(), ArchiveVerdict.Fault.CHECKPOINT, "the checkpoint signed at "
                    + beyond.signedAt() + " signs record " + beyond.sequence() + ", beyond the archive's last record "
                    + last + ": records were removed from the end");
        }
        if (!walk.held.isEmpty()) {
            EvidenceCheckpoint beyond = walk.held.peek();
            return walk.broken(beyond.sequence(), ArchiveVerdict.Fault.CHECKPOINT, "the ITL holds "
                    + beyond.node() + "'s checkpoint of record " + beyond.sequence() + " signed at " + beyond.signedAt()
                    + ", beyond the archive's last record " + last + ": records were removed from the end");
        }
        return walk.verdict();
    }

    /** The trust a verdict names: the anchor's subject and SHA-256 fingerprint, and how many CRLs. */
    static String trustOf(Optional<TrustAsOf> trust) {
        return trust.map(given -> given.anchor().getSubjectX500Principal().getName() + " (SHA-256 "
                        + RecordHash.sha256(EvidenceCheckpoints.der(given.anchor())) + ") with " + given.crls().size()
                        + " CRL" + (given.crls().size() == 1 ? "" : "s"))
                .orElse("");
    }

    /** The walk along the chain: what the next record must be. */
    private static final class Walk {

        private final ArchiveSource source;
        private final Optional<TrustAsOf> trust;
        private final Deque<EvidenceCheckpoint> pending;
        private final Deque<EvidenceCheckpoint> held;
        private final Map<Long, EvidenceCheckpoint> own = new HashMap<>();
        private final boolean heldGiven;
        private long heldMatched;
        private long expected = 1;
        private String previous = RecordHash.GENESIS;
        private long checked;
        private long checkpoints;
        private long signatures;
        private long withoutContent;
        private Optional<ArchiveVerdict.Break> broken = Optional.empty();

        Walk(ArchiveSource source, Optional<TrustAsOf> trust, List<EvidenceCheckpoint> checkpoints,
             List<EvidenceCheckpoint> heldByTheLog) {
            this.source = source;
            this.trust = trust;
            this.pending = new ArrayDeque<>(checkpoints);
            checkpoints.forEach(checkpoint -> own.put(checkpoint.sequence(), checkpoint));
            this.held = new ArrayDeque<>(heldByTheLog.stream()
                    .sorted(Comparator.comparingLong(EvidenceCheckpoint::sequence)).toList());
            this.heldGiven = !heldByTheLog.isEmpty();
        }

        ArchiveVerdict verdict() {
            return new ArchiveVerdict(checked, previous, broken, checkpoints, signatures, withoutContent, trustOf(trust),
                    heldGiven ? Optional.of(heldMatched) : Optional.empty());
        }

        ArchiveVerdict broken(long sequence, ArchiveVerdict.Fault fault, String detail) {
            broken = found(sequence, fault, detail);
            return verdict();
        }

        void check(EvidenceRecord record) throws SQLException {
            if (broken.isPresent()) {
                return;
            }
            broken = faultOf(record);
            if (broken.isEmpty()) {
                checked++;
                if (!record.hasContent()) {
                    withoutContent++;
                }
                expected = record.sequence() + 1;
                previous = record.recordSha256();
                broken = signatureFault(record);
            }
            while (broken.isEmpty() && !pending.isEmpty() && pending.peek().sequence() <= record.sequence()) {
                broken = checkpointFault(pending.poll(), record);
            }
            while (broken.isEmpty() && !held.isEmpty() && held.peek().sequence() <= record.sequence()) {
                broken = heldFault(held.poll(), record);
            }
        }

        /**
         * A checkpoint the ITL holds must be one of the archive's, as the ITL holds it, over the record's hash: the
         * node cannot rewrite its chain and sign it again, nor drop a checkpoint it sent.
         */
        private Optional<ArchiveVerdict.Break> heldFault(EvidenceCheckpoint held, EvidenceRecord record) {
            long sequence = held.sequence();
            String which = "the ITL holds " + held.node() + "'s checkpoint of record " + sequence + " signed at "
                    + held.signedAt();
            if (sequence != record.sequence()) {
                return found(sequence, ArchiveVerdict.Fault.CHECKPOINT, which + ", a record not in the archive");
            }
            if (!held.recordSha256().equals(record.recordSha256())) {
                return found(sequence, ArchiveVerdict.Fault.CHECKPOINT, which + " with the hash "
                        + held.recordSha256() + ", but the archive's record " + sequence + " hashes to "
                        + record.recordSha256() + ": the chain up to record " + sequence
                        + " was rewritten after the checkpoint was sent to the ITL");
            }
            EvidenceCheckpoint kept = own.get(sequence);
            if (kept == null) {
                return found(sequence, ArchiveVerdict.Fault.CHECKPOINT, which + ", which the archive lacks: a"
                        + " checkpoint was removed");
            }
            if (!kept.node().equals(held.node()) || !kept.signedAt().equals(held.signedAt())
                    || !kept.recordSha256().equals(held.recordSha256())
                    || !java.util.Arrays.equals(kept.signature(), held.signature())) {
                return found(sequence, ArchiveVerdict.Fault.CHECKPOINT, which + ", but the archive's checkpoint of"
                        + " that record is " + kept.node() + "'s signed at " + kept.signedAt()
                        + ": it contradicts the one the ITL holds");
            }
            heldMatched++;
            return Optional.empty();
        }

        private Optional<ArchiveVerdict.Break> faultOf(EvidenceRecord record) throws SQLException {
            long sequence = record.sequence();
            if (sequence != expected) {
                return found(sequence, ArchiveVerdict.Fault.GAP, "record " + sequence + " follows record "
                        + (expected - 1) + ": " + (sequence - expected == 1 ? "record " + expected + " is"
                        : "records " + expected + " to " + (sequence - 1) + " are") + " missing");
            }
            if (!record.previousSha256().equals(previous)) {
                List<Long> linked = source.sequencesWithHash(record.previousSha256());
                if (!linked.isEmpty()) {
                    return found(sequence, ArchiveVerdict.Fault.ORDER, "record " + sequence + " links to record "
                            + linked.get(0) + ", not to record " + (sequence - 1)
                            + ": records were reordered, inserted or removed");
                }
                return found(sequence, ArchiveVerdict.Fault.LINK, "record " + sequence + "'s previous hash "
                        + record.previousSha256() + " is not record " + (sequence - 1) + "'s hash " + previous);
            }
            if (record.hasContent()) {
                String content = RecordHash.sha256(record.content());
                if (!content.equals(record.contentSha256())) {
                    return found(sequence, ArchiveVerdict.Fault.CONTENT, "record " + sequence + "'s content ("
                            + record.kind() + ") hashes to " + content + ", not to its content hash "
                            + record.contentSha256());
                }
            }
            String computed = record.computedRecordSha256();
            if (!computed.equals(record.recordSha256())) {
                return found(sequence, ArchiveVerdict.Fault.FIELDS, "record " + sequence + "'s fields hash to "
                        + computed + ", not to its record hash " + record.recordSha256()
                        + ": its kind, time, operation, subject, peer or sequence changed");
            }
            return Optional.empty();
        }

        private Optional<ArchiveVerdict.Break> signatureFault(EvidenceRecord record) {
            if (trust.isEmpty() || !record.hasContent() || record.kind() == EvidenceKind.STATUS_CHANGE) {
                return Optional.empty();
            }
            try {
                VerifiedSignature signature = trust.get().verifyEnvelope(record.content(), record.recordedAt());
                String signer = SignerIdentity.nodeCodeOf(signature.signer());
                if (record.kind() == EvidenceKind.MESSAGE_RECEIVED && !signer.equals(record.peer())) {
                    return found(record.sequence(), ArchiveVerdict.Fault.SIGNATURE, "record " + record.sequence()
                            + " was received from " + record.peer() + " but its message is signed by " + signer);
                }
                signatures++;
                return Optional.empty();
            } catch (SignatureRefusal refusal) {
                return found(record.sequence(), ArchiveVerdict.Fault.SIGNATURE, "record " + record.sequence() + "'s "
                        + (record.kind() == EvidenceKind.MESSAGE_RECEIVED ? "received" : "sent") + " message ("
                        + record.operation() + ") does not verify as of " + record.recordedAt() + " ("
                        + refusal.code().code() + "): " + refusal.reason());
            }
        }

        private Optional<ArchiveVerdict.Break> checkpointFault(EvidenceCheckpoint checkpoint, EvidenceRecord record) {
            long sequence = checkpoint.sequence();
            String which = "the checkpoint signed at " + checkpoint.signedAt() + " by " + checkpoint.node();
            if (sequence != record.sequence()) {
                return found(sequence, ArchiveVerdict.Fault.CHECKPOINT, which + " signs record " + sequence
                        + ", which is not in the archive");
            }
            if (!checkpoint.signatureVerifies()) {
                return found(sequence, ArchiveVerdict.Fault.CHECKPOINT, which + ": its signature ("
                        + checkpoint.signatureAlgorithm() + ", " + HexFormat.of().formatHex(checkpoint.signature(), 0,
                        Math.min(8, checkpoint.signature().length)) + "…) does not verify with its certificate over"
                        + " its node, sequence, hash and time: one of them changed, or its certificate's key did not sign it");
            }
            String signer = SignerIdentity.nodeCodeOf(checkpoint.signer());
            if (!signer.equals(checkpoint.node())) {
                return found(sequence, ArchiveVerdict.Fault.CHECKPOINT, which + " is signed with the certificate of "
                        + (signer.isEmpty() ? checkpoint.signer().getSubjectX500Principal().getName() : signer));
            }
            if (trust.isPresent()) {
                try {
                    trust.get().requireTrusted(checkpoint.signer(), checkpoint.signedAt());
                } catch (SignatureRefusal refusal) {
                    return found(sequence, ArchiveVerdict.Fault.CHECKPOINT, which + ": its signer was not trusted"
                            + " when it signed (" + refusal.code().code() + "): " + refusal.reason());
                }
            }
            if (!checkpoint.recordSha256().equals(record.recordSha256())) {
                return found(sequence, ArchiveVerdict.Fault.CHECKPOINT, which + " says record " + sequence
                        + "'s hash is " + checkpoint.recordSha256() + ", but the archive's record " + sequence
                        + " hashes to " + record.recordSha256() + ": the chain up to record " + sequence
                        + " was rewritten after it was signed");
            }
            checkpoints++;
            return Optional.empty();
        }

        private static Optional<ArchiveVerdict.Break> found(long sequence, ArchiveVerdict.Fault fault, String detail) {
            return Optional.of(new ArchiveVerdict.Break(sequence, fault, detail));
        }
    }

    /** The live database's archive. */
    private record DatabaseSource(Connection connection) implements ArchiveSource {

        @Override
        public void readAll(EvidenceArchive.RecordReader reader) throws SQLException {
            EvidenceArchive.readAll(connection, BATCH, reader);
        }

        @Override
        public List<Long> sequencesWithHash(String sha256) throws SQLException {
            return EvidenceArchive.sequencesWithHash(connection, sha256);
        }

        @Override
        public EvidenceArchive.Head head() throws SQLException {
            return EvidenceArchive.head(connection);
        }

        @Override
        public List<EvidenceCheckpoint> checkpoints() throws SQLException {
            return EvidenceCheckpoints.all(connection);
        }
    }
}
