package org.itlgateway.gateway.operator;

import java.util.Base64;
import org.itlgateway.gateway.evidence.EvidenceCheckpoint;

/**
 * A signed checkpoint of the evidence archive: the record it signs and its hash, who signed when, and the signature.
 *
 * @param signer    the signer certificate's subject
 * @param signature the signature over the checkpoint's text (docs/evidence.md), in base64
 */
public record CheckpointView(long sequence, String recordSha256, String node, String signedAt, String signer,
                             String signatureAlgorithm, String signature) {

    static CheckpointView of(EvidenceCheckpoint checkpoint) {
        return new CheckpointView(checkpoint.sequence(), checkpoint.recordSha256(), checkpoint.node(),
                checkpoint.signedAt().toString(), checkpoint.signer().getSubjectX500Principal().getName(),
                checkpoint.signatureAlgorithm(), Base64.getEncoder().encodeToString(checkpoint.signature()));
    }
}
