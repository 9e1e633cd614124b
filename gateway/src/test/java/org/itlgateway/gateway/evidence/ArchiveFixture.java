package org.itlgateway.gateway.evidence;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.itlgateway.core.store.Database;
import org.itlgateway.core.transaction.StatusChange;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.gateway.delivery.Transactor;
import org.itlgateway.gateway.pki.CertificateAuthority;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.pki.KeyAlgorithm;
import org.itlgateway.gateway.security.TrustAsOf;
import org.itlgateway.gateway.support.MutableClock;
import org.itlgateway.gateway.support.ProposalEnvelopes;
import org.itlgateway.gateway.support.SignedEnvelopes;
import org.itlgateway.gateway.support.TestDatabase;

/**
 * A registry JP's archive on a fresh schema, with a CA of its own (so revocations at chosen times touch nobody
 * else): the status of proposal JP1001, the proposal as JP signed and sent it, the ITL's signed answer as received,
 * two more statuses; and another transaction's status, JP1002, an hour later.
 */
final class ArchiveFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2024-03-14T09:30:00.123456Z");
    static final CertificateAuthority CA =
            CertificateAuthority.create("ITL Gateway Evidence Test CA", KeyAlgorithm.EC_P256, START.minus(Duration.ofDays(30)),
                    Duration.ofDays(3650));
    static final Credential JP = CA.issueNodeCertificate("JP", KeyAlgorithm.EC_P256, START.minus(Duration.ofDays(1)),
            Duration.ofDays(365));
    static final Credential ITL = CA.issueNodeCertificate("ITL", KeyAlgorithm.RSA_2048, START.minus(Duration.ofDays(1)),
            Duration.ofDays(365));
    static final TransactionId TRANSACTION = TransactionId.parse("JP1001");

    final String schema = TestDatabase.freshSchemaName();
    final Database database = TestDatabase.open(schema, 2);
    final Transactor transactor = TestDatabase.transactor(database);
    final MutableClock clock = new MutableClock(START.plus(Duration.ofMinutes(10)));
    final EvidenceCheckpoints checkpoints;

    ArchiveFixture(Credential signer) throws Exception {
        checkpoints = new EvidenceCheckpoints(database.dataSource(), signer, clock);
        append(EvidenceKind.STATUS_CHANGE, START, null, "JP1001", null, status(1, TransactionStatus.PROPOSED, START));
        append(EvidenceKind.MESSAGE_SENT, START.plusMillis(5), "LOG_ACCEPT_PROPOSAL", "JP1001", "ITL",
                SignedEnvelopes.sign(ProposalEnvelopes.proposal("JP", "JP1001"), JP, START)
                        .getBytes(StandardCharsets.UTF_8));
        append(EvidenceKind.MESSAGE_RECEIVED, START.plusMillis(40), "REGISTRY_ACCEPT_NOTIFICATION", "JP1001", "ITL",
                SignedEnvelopes.sign(ProposalEnvelopes.proposal("ITL", "JP1001", "JP"), ITL, START.plusMillis(30))
                        .getBytes(StandardCharsets.UTF_8));
        append(EvidenceKind.STATUS_CHANGE, START.plusMillis(41), null, "JP1001", null,
                status(2, TransactionStatus.CHECKED_NO_DISCREPANCY, START.plusMillis(41)));
        append(EvidenceKind.STATUS_CHANGE, START.plusMillis(90), null, "JP1001", null,
                status(3, TransactionStatus.COMPLETED, START.plusMillis(90)));
        append(EvidenceKind.STATUS_CHANGE, START.plus(Duration.ofHours(1)), null, "JP1002", null,
                StatusChangeText.of(TransactionId.parse("JP1002"), 1, new StatusChange(TransactionStatus.PROPOSED,
                        START.plus(Duration.ofHours(1)), List.of())).getBytes(StandardCharsets.UTF_8));
    }

    static TrustAsOf trust() {
        return new TrustAsOf(CA.certificate(), List.of(CA.publishCrl(START.plus(Duration.ofDays(2)), Duration.ofDays(7))));
    }

    void append(EvidenceKind kind, Instant at, String operation, String subject, String peer, byte[] content) {
        transactor.inTransaction(connection -> EvidenceArchive.append(connection, kind, at, operation, subject, peer,
                content));
    }

    static byte[] status(int position, TransactionStatus status, Instant at) {
        return StatusChangeText.of(TRANSACTION, position, new StatusChange(status, at, List.of()))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Takes a checkpoint at {@code at} on the node's clock. */
    EvidenceCheckpoint checkpointAt(Instant at) {
        clock.set(at);
        return checkpoints.take().checkpoint().orElseThrow();
    }

    ArchiveVerdict verdict(boolean judgingSigners) throws SQLException {
        try (Connection connection = connection()) {
            return ArchiveVerification.verify(connection,
                    judgingSigners ? Optional.of(trust()) : Optional.empty());
        }
    }

    /**
     * Replaces record {@code sequence}'s content and makes every hash again from it to the head, as someone who can
     * write the database would to hide the change.
     */
    void rewrite(long sequence, byte[] content) throws SQLException {
        try (Connection connection = connection()) {
            ChainRewrite.rewrite(connection, sequence, content);
        }
    }

    /** The content of record {@code sequence}. */
    byte[] contentOf(long sequence) throws SQLException {
        List<EvidenceRecord> records = new ArrayList<>();
        try (Connection connection = connection()) {
            EvidenceArchive.readAll(connection, 100, records::add);
        }
        return records.get((int) sequence - 1).content();
    }

    void tamper(String sql, Object... values) throws SQLException {
        try (Connection connection = connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof byte[] bytes) {
                    statement.setBytes(i + 1, bytes);
                } else if (values[i] instanceof Instant instant) {
                    statement.setTimestamp(i + 1, Timestamp.from(instant));
                } else {
                    statement.setObject(i + 1, values[i]);
                }
            }
            statement.executeUpdate();
        }
    }

    Connection connection() throws SQLException {
        DataSource dataSource = TestDatabase.dataSource();
        Connection connection = dataSource.getConnection();
        connection.setSchema(schema);
        return connection;
    }

    @Override
    public void close() {
        database.close();
    }
}
