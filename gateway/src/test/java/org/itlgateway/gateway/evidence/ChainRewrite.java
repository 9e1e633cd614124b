package org.itlgateway.gateway.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What someone who can write a node's database would do to hide a change of its past: replace one record's content
 * and make every hash again from it to the head, so that the chain alone still holds. The tests show what catches it.
 */
public final class ChainRewrite {

    private ChainRewrite() {
    }

    /** Replaces record {@code sequence}'s content and makes every hash again from it to the head. */
    public static void rewrite(Connection connection, long sequence, byte[] content) throws SQLException {
        List<EvidenceRecord> records = new ArrayList<>();
        EvidenceArchive.readAll(connection, 100, records::add);
        String previous = sequence == 1 ? RecordHash.GENESIS : records.get((int) sequence - 2).recordSha256();
        for (EvidenceRecord record : records.subList((int) sequence - 1, records.size())) {
            byte[] kept = record.sequence() == sequence ? content : record.content();
            String contentSha256 = RecordHash.sha256(kept);
            String recordSha256 = RecordHash.of(record.sequence(), record.kind().name(), record.recordedAt(),
                    record.operation(), record.subject(), record.peer(), contentSha256, previous);
            try (PreparedStatement update = connection.prepareStatement("update evidence_record set content = ?,"
                    + " content_sha256 = ?, previous_sha256 = ?, record_sha256 = ? where sequence = ?")) {
                update.setBytes(1, kept);
                update.setString(2, contentSha256);
                update.setString(3, previous);
                update.setString(4, recordSha256);
                update.setLong(5, record.sequence());
                update.executeUpdate();
            }
            previous = recordSha256;
        }
        try (PreparedStatement head = connection.prepareStatement("update evidence_head set last_sha256 = ? where id = 1")) {
            head.setString(1, previous);
            head.executeUpdate();
        }
    }
}
