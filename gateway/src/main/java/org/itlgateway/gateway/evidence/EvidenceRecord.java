package org.itlgateway.gateway.evidence;

import java.time.Instant;
import java.util.Objects;

/**
 * One record of the evidence archive as stored: its place in the chain, what it is evidence of, and its hashes
 * ({@link RecordHash} says how they are made).
 *
 * @param subject what the record is about: the transaction of a status change; the business identity of a
 *                message (the transaction, notification or reconciliation it carries)
 * @param peer    the verified signer of a received message, the destination of a sent one; none for a status
 * @param content the content, or null for a record carried without it (an export's records outside its selection:
 *                the record hash covers the content's hash, so the chain is checked all the same)
 */
public record EvidenceRecord(long sequence, EvidenceKind kind, Instant recordedAt, String operation, String subject,
                             String peer, byte[] content, String contentSha256, String previousSha256,
                             String recordSha256) {

    public EvidenceRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recordedAt, "time");
    }

    /** Whether the record carries its content. */
    public boolean hasContent() {
        return content != null;
    }

    /** The record hash its fields and its link give, whatever is stored as its hash. */
    public String computedRecordSha256() {
        return RecordHash.of(sequence, kind.name(), recordedAt, operation, subject, peer, contentSha256, previousSha256);
    }
}
