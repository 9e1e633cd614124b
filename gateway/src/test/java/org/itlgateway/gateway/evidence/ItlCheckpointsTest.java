package org.itlgateway.gateway.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.gateway.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoints the ITL holds of a node close the gap its own key leaves open: a chain the node rewrote and signed
 * again verifies on its own, and is caught by the checkpoint the ITL was sent before; a checkpoint the ITL holds that
 * the archive lacks, or one the archive holds otherwise, is named.
 */
class ItlCheckpointsTest {

    private static final Instant AFTER_FIVE = ArchiveFixture.START.plus(Duration.ofMinutes(10));
    private static final Instant LATER = ArchiveFixture.START.plus(Duration.ofHours(3));

    private ArchiveFixture archive;

    @AfterEach
    void close() {
        if (archive != null) {
            archive.close();
        }
    }

    @Test
    void aChainRewrittenAndSignedAgainWithTheNodesKeyIsCaughtByTheCheckpointTheItlHolds() throws Exception {
        archive = new ArchiveFixture(ArchiveFixture.JP);
        EvidenceCheckpoint sentToTheItl = archive.checkpointAt(AFTER_FIVE);
        archive.rewrite(5, ArchiveFixture.status(3, TransactionStatus.CANCELLED, ArchiveFixture.START.plusMillis(90)));
        archive.tamper("delete from evidence_checkpoint");
        EvidenceCheckpoint signedAgain = archive.checkpointAt(LATER);

        ArchiveVerdict alone = archive.verdict(true);
        ArchiveVerdict withTheItls = verdict(List.of(sentToTheItl));

        assertEquals(6, signedAgain.sequence());
        assertTrue(alone.intact(), "the node's key makes the rewritten chain hold on its own: " + alone.summary());
        ArchiveVerdict.Break broken = withTheItls.firstBreak().orElseThrow();
        assertEquals(6, broken.sequence(), withTheItls.summary());
        assertEquals(ArchiveVerdict.Fault.CHECKPOINT, broken.fault());
        assertEquals("the ITL holds JP's checkpoint of record 6 signed at " + AFTER_FIVE + " with the hash "
                + sentToTheItl.recordSha256() + ", but the archive's record 6 hashes to " + signedAgain.recordSha256()
                + ": the chain up to record 6 was rewritten after the checkpoint was sent to the ITL", broken.detail());
    }

    @Test
    void aCheckpointTheItlHoldsThatTheArchiveLacksIsNamed() throws Exception {
        archive = new ArchiveFixture(ArchiveFixture.JP);
        EvidenceCheckpoint sentToTheItl = archive.checkpointAt(AFTER_FIVE);

        archive.tamper("delete from evidence_checkpoint");

        ArchiveVerdict.Break broken = verdict(List.of(sentToTheItl)).firstBreak().orElseThrow();
        assertEquals(ArchiveVerdict.Fault.CHECKPOINT, broken.fault());
        assertEquals("the ITL holds JP's checkpoint of record 6 signed at " + AFTER_FIVE
                + ", which the archive lacks: a checkpoint was removed", broken.detail());
    }

    @Test
    void aCheckpointTheArchiveHoldsOtherwiseThanTheItlContradictsIt() throws Exception {
        archive = new ArchiveFixture(ArchiveFixture.JP);
        EvidenceCheckpoint sentToTheItl = archive.checkpointAt(AFTER_FIVE);
        archive.tamper("delete from evidence_checkpoint");
        EvidenceCheckpoint signedAgain = archive.checkpointAt(LATER);

        ArchiveVerdict.Break broken = verdict(List.of(sentToTheItl)).firstBreak().orElseThrow();

        assertEquals(ArchiveVerdict.Fault.CHECKPOINT, broken.fault());
        assertEquals("the ITL holds JP's checkpoint of record 6 signed at " + AFTER_FIVE + ", but the archive's"
                + " checkpoint of that record is JP's signed at " + signedAgain.signedAt()
                + ": it contradicts the one the ITL holds", broken.detail());
    }

    @Test
    void aCheckpointTheItlHoldsBeyondTheArchivesLastRecordIsNamed() throws Exception {
        archive = new ArchiveFixture(ArchiveFixture.JP);
        EvidenceCheckpoint sentToTheItl = archive.checkpointAt(AFTER_FIVE);

        archive.tamper("delete from evidence_checkpoint");
        archive.tamper("delete from evidence_record where sequence = 6");
        archive.tamper("update evidence_head set last_sequence = 5, last_sha256 = (select record_sha256 from"
                + " evidence_record where sequence = 5)");

        ArchiveVerdict verdict = verdict(List.of(sentToTheItl));
        assertTrue(verdict.summary().startsWith("BROKEN at checkpoint of record 6 (CHECKPOINT): the ITL holds JP's"
                + " checkpoint of record 6 signed at " + AFTER_FIVE + ", beyond the archive's last record 5"),
                verdict.summary());
    }

    @Test
    void theCommandComparesTheArchiveWithTheItlsListOfItsCheckpoints(@TempDir Path files) throws Exception {
        archive = new ArchiveFixture(ArchiveFixture.JP);
        EvidenceCheckpoint sentToTheItl = archive.checkpointAt(AFTER_FIVE);
        Path held = files.resolve("held.json");
        new ObjectMapper().writeValue(held.toFile(), ItlCheckpoints.of("JP", List.of(sentToTheItl)));
        String[] args = {"--jdbc-url", TestDatabase.jdbcUrl(), "--schema", archive.schema, "--itl-checkpoints",
                held.toString()};
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        assertEquals(0, VerifyArchive.run(new PrintWriter(out), new PrintWriter(err), args), err.toString());
        assertTrue(out.toString().contains("1 signed checkpoints (1 of them as the ITL holds them)"), out.toString());

        archive.rewrite(5, ArchiveFixture.status(3, TransactionStatus.CANCELLED, ArchiveFixture.START.plusMillis(90)));
        archive.tamper("delete from evidence_checkpoint");
        archive.checkpointAt(LATER);
        assertEquals(1, VerifyArchive.run(new PrintWriter(out), new PrintWriter(err), args));
        assertTrue(err.toString().startsWith("BROKEN at checkpoint of record 6 (CHECKPOINT): the ITL holds JP's"),
                err.toString());

        Files.writeString(held, "{\"format\": \"something else\"}");
        assertEquals(2, VerifyArchive.run(new PrintWriter(out), new PrintWriter(err), args));
    }

    @Test
    void aListOfAnotherFormatIsNotReadAsTheItls(@TempDir Path files) throws Exception {
        Path other = files.resolve("export.json");
        Files.writeString(other, "{\"format\": \"" + ArchiveExport.FORMAT + "\"}");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ItlCheckpoints.read(other));

        assertFalse(refused.getMessage().isEmpty());
        assertTrue(refused.getMessage().contains("is not a list of the checkpoints the ITL holds"), refused.getMessage());
    }

    private ArchiveVerdict verdict(List<EvidenceCheckpoint> held) throws SQLException {
        try (Connection connection = archive.connection()) {
            return ArchiveVerification.verify(connection, Optional.of(ArchiveFixture.trust()), held);
        }
    }
}
