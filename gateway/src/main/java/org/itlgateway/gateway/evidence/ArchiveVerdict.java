package org.itlgateway.gateway.evidence;

import java.util.Optional;

/**
 * What checking the archive found: how many records were checked and the last record's hash, how many checkpoints
 * and message signatures were checked; and the first broken record or checkpoint, if any, with what is wrong.
 *
 * @param withoutContent how many records were carried without their content (an export's records outside its
 *                       selection): their links and hashes are checked, their content and signature are not
 * @param trust          against what signers were judged: the trust anchor and CRLs; empty when they were not
 * @param heldByTheLog   how many checkpoints the ITL holds of the node were found in the archive as it holds them;
 *                       empty when none were given to compare
 */
public record ArchiveVerdict(long checked, String lastSha256, Optional<Break> firstBreak, long checkpoints,
                             long signatures, long withoutContent, String trust, Optional<Long> heldByTheLog) {

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
        HEAD,
        /** The archived message's own WS-Security signature does not verify, or its signer was not trusted then. */
        SIGNATURE,
        /**
         * A signed checkpoint of this record does not hold: its signature does not verify, its signer was not
         * trusted when it signed, or the record's hash is not the one it signed (the chain was rewritten); or a
         * checkpoint the ITL holds of it is not in the archive as the ITL holds it, or signs another hash.
         */
        CHECKPOINT
    }

    /** The first broken record (or checkpoint of a record): its sequence number, what is wrong and a sentence saying so. */
    public record Break(long sequence, Fault fault, String detail) {
    }

    /** A verdict on the chain alone. */
    public ArchiveVerdict(long checked, String lastSha256, Optional<Break> firstBreak) {
        this(checked, lastSha256, firstBreak, 0, 0, 0, "");
    }

    /** A verdict with no checkpoints of the ITL's to compare. */
    public ArchiveVerdict(long checked, String lastSha256, Optional<Break> firstBreak, long checkpoints,
                          long signatures, long withoutContent, String trust) {
        this(checked, lastSha256, firstBreak, checkpoints, signatures, withoutContent, trust, Optional.empty());
    }

    public boolean intact() {
        return firstBreak.isEmpty();
    }

    /** One line for people. */
    public String summary() {
        return firstBreak.map(broken -> "BROKEN at " + (broken.fault() == Fault.CHECKPOINT ? "checkpoint of record "
                        : "record ") + broken.sequence() + " (" + broken.fault() + "): " + broken.detail())
                .orElse("intact: " + checked + " records, each hash and link checked"
                        + (withoutContent > 0 ? " (" + withoutContent + " carried without their content)" : "")
                        + "; " + checkpoints + " signed checkpoints"
                        + heldByTheLog.map(held -> " (" + held + " of them as the ITL holds them)").orElse("")
                        + ", " + signatures
                        + " message signatures verified as of their time; "
                        + (trust.isEmpty() ? "signers not judged (no trust anchor)" : "signers judged against " + trust)
                        + "; last record hash " + lastSha256);
    }
}
