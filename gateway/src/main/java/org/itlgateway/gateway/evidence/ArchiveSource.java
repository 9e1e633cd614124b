package org.itlgateway.gateway.evidence;

import java.sql.SQLException;
import java.util.List;

/** What {@link ArchiveVerification} reads: a live database's archive or an export of it. */
interface ArchiveSource {

    /** The records in sequence order. */
    void readAll(EvidenceArchive.RecordReader reader) throws SQLException;

    /** The sequence numbers of the records whose record hash is {@code sha256}. */
    List<Long> sequencesWithHash(String sha256) throws SQLException;

    /** Where the archive ends. */
    EvidenceArchive.Head head() throws SQLException;

    /** Its signed checkpoints, in sequence order. */
    List<EvidenceCheckpoint> checkpoints() throws SQLException;
}
