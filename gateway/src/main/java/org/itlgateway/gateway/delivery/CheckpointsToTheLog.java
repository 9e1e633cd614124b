package org.itlgateway.gateway.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import org.itlgateway.gateway.evidence.EvidenceCheckpoint;
import org.itlgateway.gateway.evidence.EvidenceCheckpoints;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.v1.types.DesEvidenceCheckpoint;

/**
 * A registry's checkpoints sent to the ITL: each checkpoint the registry takes is put in its outbox as an
 * {@code acceptEvidenceCheckpoint} in the database transaction that stores it, and delivered as any message is
 * (retries, receipts, dead letters). The ITL keeps it, so the registry cannot rewrite its archive unseen.
 */
public final class CheckpointsToTheLog implements EvidenceCheckpoints.Announcement {

    private final String self;
    private final String log;
    private final Clock clock;

    /**
     * @param self the registry's code (the header's {@code from})
     * @param log  the node that keeps the checkpoints (the ITL)
     */
    public CheckpointsToTheLog(String self, String log, Clock clock) {
        this.self = Objects.requireNonNull(self, "registry");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void announce(Connection connection, EvidenceCheckpoint checkpoint) throws SQLException {
        Outbox.enqueue(connection, OutboundMessage.of(self, log, Wire.LOG_ACCEPT_EVIDENCE_CHECKPOINT,
                toWire(checkpoint)), clock.instant());
    }

    /** The checkpoint as the message carries it. */
    public static DesEvidenceCheckpoint toWire(EvidenceCheckpoint checkpoint) {
        DesEvidenceCheckpoint wire = new DesEvidenceCheckpoint();
        wire.setNode(checkpoint.node());
        wire.setSequenceNumber(checkpoint.sequence());
        wire.setRecordHash(checkpoint.recordSha256());
        wire.setSignedDateTime(checkpoint.signedAt());
        wire.setSignatureAlgorithm(checkpoint.signatureAlgorithm());
        wire.setSignature(checkpoint.signature());
        return wire;
    }
}
