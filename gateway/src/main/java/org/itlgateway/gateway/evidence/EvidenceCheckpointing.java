package org.itlgateway.gateway.evidence;

import java.time.Duration;

/**
 * How a registry checkpoints its evidence archive: how often it signs the head (when it moved) and whether it sends
 * each checkpoint to the ITL ({@code acceptEvidenceCheckpoint}, this project's addition to the DES: an ITL that
 * speaks only the DES would answer it with a fault, so a registry connected to one does not send them).
 *
 * @param every        how often, at most, the head is signed
 * @param sentToTheLog whether each checkpoint is put in the outbox for the ITL in the transaction that stores it
 */
public record EvidenceCheckpointing(Duration every, boolean sentToTheLog) {

    public EvidenceCheckpointing {
        every = every == null ? CheckpointDuty.DEFAULT_EVERY : every;
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("the checkpoint period is positive, not " + every);
        }
    }

    /** Every hour, each checkpoint sent to the ITL. */
    public static EvidenceCheckpointing standard() {
        return new EvidenceCheckpointing(CheckpointDuty.DEFAULT_EVERY, true);
    }
}
