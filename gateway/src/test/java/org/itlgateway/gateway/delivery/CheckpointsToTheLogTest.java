package org.itlgateway.gateway.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.itlgateway.core.store.Database;
import org.itlgateway.gateway.evidence.EvidenceArchive;
import org.itlgateway.gateway.evidence.EvidenceCheckpoint;
import org.itlgateway.gateway.evidence.EvidenceCheckpoints;
import org.itlgateway.gateway.evidence.EvidenceKind;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.pki.CertificateAuthority;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.pki.KeyAlgorithm;
import org.itlgateway.gateway.support.MutableClock;
import org.itlgateway.gateway.support.TestDatabase;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.v1.types.DesEvidenceCheckpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each checkpoint a registry takes is put in its outbox for the ITL in the database transaction that stores it: both
 * or neither.
 */
class CheckpointsToTheLogTest {

    private static final Instant NOW = Instant.parse("2024-03-14T09:30:00.123456Z");
    private static final CertificateAuthority CA =
            CertificateAuthority.create("Checkpoint CA", KeyAlgorithm.EC_P256, NOW.minus(Duration.ofDays(2)), Duration.ofDays(30));
    private static final Credential JP = CA.issueNodeCertificate("JP", KeyAlgorithm.EC_P256,
            NOW.minus(Duration.ofDays(1)), Duration.ofDays(10));

    private final String schema = TestDatabase.freshSchemaName();
    private final Database database = TestDatabase.open(schema, 2);
    private final Transactor transactor = TestDatabase.transactor(database);
    private final MutableClock clock = new MutableClock(NOW);

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aCheckpointTakenIsInTheOutboxForTheItlWithItsFields() throws Exception {
        appendOne();
        EvidenceCheckpoints checkpoints = new EvidenceCheckpoints(database.dataSource(), JP, clock,
                new CheckpointsToTheLog("JP", "ITL", clock));

        EvidenceCheckpoint taken = checkpoints.take().checkpoint().orElseThrow();

        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("select destination, operation, message_key,"
                     + " payload_xml from outbox_message");
             ResultSet rows = select.executeQuery()) {
            assertTrue(rows.next(), "the checkpoint's message is in the outbox");
            assertEquals("ITL", rows.getString(1));
            assertEquals("LOG_ACCEPT_EVIDENCE_CHECKPOINT", rows.getString(2));
            assertEquals("JP/1", rows.getString(3), "one message per checkpoint: the node and the record it signs");
            DesEvidenceCheckpoint sent = PayloadCodec.unmarshal(Operation.LOG_ACCEPT_EVIDENCE_CHECKPOINT, rows.getString(4))
                    .content(Wire.LOG_ACCEPT_EVIDENCE_CHECKPOINT);
            assertEquals(taken.node(), sent.getNode());
            assertEquals(taken.sequence(), sent.getSequenceNumber());
            assertEquals(taken.recordSha256(), sent.getRecordHash());
            assertEquals(taken.signedAt(), sent.getSignedDateTime());
            assertEquals(taken.signatureAlgorithm(), sent.getSignatureAlgorithm());
            assertEquals(java.util.HexFormat.of().formatHex(taken.signature()),
                    java.util.HexFormat.of().formatHex(sent.getSignature()));
            assertEquals(false, rows.next(), "one message");
        }
    }

    @Test
    void aCheckpointWhoseMessageCannotBeQueuedIsNotTaken() throws Exception {
        appendOne();
        EvidenceCheckpoints.Announcement queuedThenFailing = (connection, checkpoint) -> {
            new CheckpointsToTheLog("JP", "ITL", clock).announce(connection, checkpoint);
            throw new SQLException("the outbox is full");
        };
        EvidenceCheckpoints checkpoints = new EvidenceCheckpoints(database.dataSource(), JP, clock, queuedThenFailing);

        assertThrows(IllegalStateException.class, checkpoints::take);

        assertEquals(0, TestDatabase.count(schema, "select count(*) from evidence_checkpoint"));
        assertEquals(0, TestDatabase.count(schema, "select count(*) from outbox_message"));
    }

    private void appendOne() {
        transactor.inTransaction(connection -> EvidenceArchive.append(connection, EvidenceKind.STATUS_CHANGE, NOW,
                null, "JP1001", null, new byte[] {1}));
    }
}
