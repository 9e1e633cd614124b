package org.itlgateway.gateway.operator;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.gateway.evidence.ArchiveVerdict;
import org.itlgateway.gateway.evidence.ArchiveVerification;
import org.itlgateway.gateway.evidence.EvidenceArchive;
import org.itlgateway.gateway.evidence.EvidenceCheckpoint;
import org.itlgateway.gateway.evidence.EvidenceCheckpoints;
import org.itlgateway.gateway.evidence.EvidenceRecord;

/**
 * A transaction's evidence trail ({@code GET /transactions/{id}/evidence}): its records in the archive (its statuses
 * and the messages about it, without their content), whether the archive verifies from its first record to its
 * head (each link, hash and checkpoint signature), and the latest checkpoint that covers the trail's last record.
 *
 * @param checkpoint the latest signed checkpoint at or after the trail's last record; none when no checkpoint
 *                   covers it yet
 */
public record EvidenceTrail(String transaction, List<Entry> records, Verdict verdict, CheckpointView checkpoint) {

    /** One record of the trail. */
    public record Entry(long sequence, String kind, String recordedAt, String operation, String peer,
                        String contentSha256, String previousSha256, String recordSha256) {

        static Entry of(EvidenceRecord record) {
            return new Entry(record.sequence(), record.kind().name(), record.recordedAt().toString(), record.operation(),
                    record.peer(), record.contentSha256(), record.previousSha256(), record.recordSha256());
        }
    }

    /**
     * Whether the whole archive verifies up to its head, with the first broken record when not.
     *
     * @param brokenAt the sequence of the first broken record (or of the record a broken checkpoint signs)
     */
    public record Verdict(boolean intact, long recordsChecked, long checkpointsChecked, String summary, Long brokenAt,
                          String fault) {

        static Verdict of(ArchiveVerdict verdict) {
            return new Verdict(verdict.intact(), verdict.checked(), verdict.checkpoints(), verdict.summary(),
                    verdict.firstBreak().map(ArchiveVerdict.Break::sequence).orElse(null),
                    verdict.firstBreak().map(broken -> broken.fault().name()).orElse(null));
        }
    }

    static EvidenceTrail of(OperatedRegistry registry, TransactionId id) {
        String subject = id.toString();
        List<EvidenceRecord> records = registry.sql(connection -> EvidenceArchive.about(connection, subject));
        if (records.isEmpty() && registry.read(() -> registry.records().transactions().find(id)).isEmpty()) {
            throw ApiProblem.notFound(registry.code() + " knows no transaction " + id);
        }
        Optional<EvidenceCheckpoint> covering = records.isEmpty() ? Optional.empty()
                : registry.sql(connection -> EvidenceCheckpoints.latest(connection))
                        .filter(latest -> latest.sequence() >= records.get(records.size() - 1).sequence());
        return new EvidenceTrail(subject, records.stream().map(Entry::of).toList(), Verdict.of(verify(registry)),
                covering.map(CheckpointView::of).orElse(null));
    }

    /** The archive verified on a connection of its own, in a snapshot of its own. */
    private static ArchiveVerdict verify(OperatedRegistry registry) {
        try (Connection connection = registry.records().database().dataSource().getConnection()) {
            return ArchiveVerification.verify(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("the evidence archive could not be read: " + e.getMessage(), e);
        }
    }
}
