package org.itlgateway.gateway.evidence;

import java.util.Optional;

/**
 * What checking the archive found: how many records were checked and the last record's hash; and the first broken
 * record, if any, with what is wrong with it.
 */
public record ArchiveVerdict(long checked, String lastSha256, Optional<Break> firstBreak) {

    /** What can be wrong with a record. */
    public enum Fault {
        /** Records are missing before it (or after the last, by the head). */
        GAP,
        /** It links to another record than the one before it: records were reordered, inserted or removed. */
        ORDER,
        /** Its previous hash is not the hash of the record before it, nor of any other. */
        LINK,
        /** Its content is not what its content hash was made of. */
        CONTENT,
        /** One of its fields (kind, time, operation, subject, peer, sequence, hashes) is not what was hashed. */
        FIELDS,
        /** The archive's head does not end where the records end: records were added or removed at the end. */
        HEAD
    }

    /** The first broken record: its sequence number, what is wrong and a sentence saying so. */
    public record Break(long sequence, Fault fault, String detail) {
    }

    public boolean intact() {
        return firstBreak.isEmpty();
    }

    /** One line for people. */
    public String summary() {
        return firstBreak.map(broken -> "BROKEN at record " + broken.sequence() + " (" + broken.fault() + "): "
                        + broken.detail())
                .orElse("intact: " + checked + " records, each hash and link checked; last record hash " + lastSha256);
    }
}
