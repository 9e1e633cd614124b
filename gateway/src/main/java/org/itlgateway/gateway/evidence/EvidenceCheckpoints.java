package org.itlgateway.gateway.evidence;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.pki.KeyAlgorithm;
import org.itlgateway.gateway.security.SignerIdentity;

/**
 * The node's signed checkpoints of its archive ({@link EvidenceCheckpoint}). A checkpoint is taken in one database
 * transaction that holds the head's lock, as an append does: it signs the head as it is, and only when the head moved
 * since the last checkpoint (otherwise the last one still says where the chain stands).
 */
public final class EvidenceCheckpoints {

    private final DataSource dataSource;
    private final Credential signer;
    private final String node;
    private final Clock clock;
    private final Announcement announcement;

    /**
     * What a node does with each checkpoint it takes, in the database transaction that stores it: a registry puts
     * it in its outbox for the ITL, so the checkpoint and its message commit together or not at all.
     */
    @FunctionalInterface
    public interface Announcement {

        /** Nothing beyond storing the checkpoint. */
        Announcement NONE = (connection, checkpoint) -> { };

        void announce(Connection connection, EvidenceCheckpoint checkpoint) throws SQLException;
    }

    /**
     * @param dataSource the node's database, its connections on the node's schema (each checkpoint is taken in a
     *                   database transaction of its own)
     */
    public EvidenceCheckpoints(DataSource dataSource, Credential signer, Clock clock) {
        this(dataSource, signer, clock, Announcement.NONE);
    }

    /**
     * @param announcement what is done with each new checkpoint in the transaction that stores it (a registry sends
     *                     it to the ITL)
     */
    public EvidenceCheckpoints(DataSource dataSource, Credential signer, Clock clock, Announcement announcement) {
        this.announcement = Objects.requireNonNull(announcement, "announcement");
        this.dataSource = Objects.requireNonNull(dataSource, "data source");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.node = SignerIdentity.nodeCodeOf(signer.certificate());
        if (node.isEmpty()) {
            throw new IllegalArgumentException("the signer's certificate names no one node: " + signer.subject());
        }
    }

    /** What taking a checkpoint gave: the checkpoint of the head, new or the last one; none when the archive is empty. */
    public record Taken(Optional<EvidenceCheckpoint> checkpoint, boolean isNew) {
    }

    /** Signs the head when it moved since the last checkpoint; answers the head's checkpoint. */
    public Taken take() {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Taken taken = take(connection);
                connection.commit();
                return taken;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the evidence archive's head could not be signed: " + e.getMessage(), e);
        }
    }

    private Taken take(Connection connection) throws SQLException {
        EvidenceArchive.Head head = lockedHead(connection);
        if (head.lastSequence() == 0) {
            return new Taken(Optional.empty(), false);
        }
        Optional<EvidenceCheckpoint> latest = latest(connection);
        if (latest.isPresent() && latest.get().sequence() >= head.lastSequence()) {
            return new Taken(latest, false);
        }
        EvidenceCheckpoint checkpoint = sign(head, RecordHash.stored(clock.instant()));
        insert(connection, checkpoint);
        announcement.announce(connection, checkpoint);
        return new Taken(Optional.of(checkpoint), true);
    }

    private EvidenceCheckpoint sign(EvidenceArchive.Head head, Instant at) {
        String algorithm = KeyAlgorithm.of(signer.privateKey()).certificateSignature();
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(signer.privateKey());
            signature.update(EvidenceCheckpoint.text(node, head.lastSequence(), head.lastSha256(), at)
                    .getBytes(StandardCharsets.UTF_8));
            return new EvidenceCheckpoint(head.lastSequence(), head.lastSha256(), node, at, signer.certificate(),
                    algorithm, signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint with " + signer + ": " + e.getMessage(), e);
        }
    }

    private static EvidenceArchive.Head lockedHead(Connection connection) throws SQLException {
        try (PreparedStatement head = connection.prepareStatement(
                "select last_sequence, last_sha256 from evidence_head where id = 1 for update");
             ResultSet rows = head.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("the evidence archive has no head row");
            }
            return new EvidenceArchive.Head(rows.getLong(1), rows.getString(2));
        }
    }

    /** Stores a checkpoint as it is (taking one is {@link #take}). */
    static void insert(Connection connection, EvidenceCheckpoint checkpoint) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into evidence_checkpoint (sequence,"
                + " record_sha256, node, signed_at, signer_certificate, signature_algorithm, signature)"
                + " values (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, checkpoint.sequence());
            insert.setString(2, checkpoint.recordSha256());
            insert.setString(3, checkpoint.node());
            insert.setTimestamp(4, Timestamp.from(checkpoint.signedAt()));
            insert.setBytes(5, der(checkpoint.signer()));
            insert.setString(6, checkpoint.signatureAlgorithm());
            insert.setBytes(7, checkpoint.signature());
            insert.executeUpdate();
        }
    }

    private static final String COLUMNS = "sequence, record_sha256, node, signed_at, signer_certificate,"
            + " signature_algorithm, signature";

    /** Every checkpoint, in sequence order. */
    public static List<EvidenceCheckpoint> all(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from evidence_checkpoint order by sequence")) {
            return read(select);
        }
    }

    /** The last checkpoint taken. */
    public static Optional<EvidenceCheckpoint> latest(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from evidence_checkpoint order by sequence desc limit 1")) {
            return read(select).stream().findFirst();
        }
    }

    /** The first checkpoint at or after record {@code sequence}: the one that covers it. */
    public static Optional<EvidenceCheckpoint> covering(Connection connection, long sequence) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from evidence_checkpoint where sequence >= ? order by sequence limit 1")) {
            select.setLong(1, sequence);
            return read(select).stream().findFirst();
        }
    }

    private static List<EvidenceCheckpoint> read(PreparedStatement select) throws SQLException {
        List<EvidenceCheckpoint> checkpoints = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                checkpoints.add(new EvidenceCheckpoint(rows.getLong(1), rows.getString(2), rows.getString(3),
                        rows.getTimestamp(4).toInstant(), certificate(rows.getBytes(5)), rows.getString(6),
                        rows.getBytes(7)));
            }
        }
        return checkpoints;
    }

    static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateException e) {
            throw new IllegalStateException("a certificate that cannot be encoded: " + e.getMessage(), e);
        }
    }

    static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException("a stored certificate that cannot be read: " + e.getMessage(), e);
        }
    }
}
