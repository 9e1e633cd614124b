package org.itlgateway.gateway.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.itlgateway.core.store.Database;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.gateway.pki.CertificateAuthority;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.pki.KeyAlgorithm;
import org.itlgateway.gateway.pki.PkiFiles;
import org.itlgateway.gateway.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed checkpoints bind the chain: a checkpoint whose signature was altered, a chain rewritten consistently after
 * a checkpoint, a checkpoint whose signer was revoked before it signed are each named; and each archived message's
 * own WS-Security signature is verified as of its time, so message bytes changed with every hash made again are
 * found too.
 */
class CheckpointVerificationTest {

    private static final Instant AFTER_FIVE = ArchiveFixture.START.plus(Duration.ofMinutes(10));
    private static final Instant AFTER_ALL = ArchiveFixture.START.plus(Duration.ofHours(2));

    private ArchiveFixture archive;

    @AfterEach
    void close() {
        if (archive != null) {
            archive.close();
        }
    }

    @Test
    void aCheckpointSignsTheHeadWithTheNodesKeyAndIsTakenOnlyWhenTheHeadMoved() throws Exception {
        archive = new ArchiveFixture(ArchiveFixture.JP);

        EvidenceCheckpoint first = archive.checkpointAt(AFTER_FIVE);
        EvidenceCheckpoints.Taken again = archive.checkpoints.take();
        archive.append(EvidenceKind.STATUS_CHANGE, AFTER_ALL, null, "JP1003", null, new byte[] {1});
        EvidenceCheckpoints.Taken moved = archive.checkpoints.take();

        assertEquals(6, first.sequence());
        assertEquals("JP", first.node());
        assertEquals("SHA256withECDSA", first.signatureAlgorithm());
        assertTrue(first.signatureVerifies());
        assertEquals("itl-gateway evidence checkpoint 1\nnode:JP\nsequence:6\nrecord_sha256:" + first.recordSha256()
                + "\nsigned_at:2024-03-14T09:40:00.123456Z\n", first.signedText());
        assertFalse(again.isNew(), "the head did not move");
        assertEquals(6, again.checkpoint().orElseThrow().sequence());
        assertTrue(moved.isNew());
        assertEquals(7, moved.checkpoint().orElseThrow().sequence());
        ArchiveVerdict verdict = archive.verdict(true);
        assertTrue(verdict.intact(), verdict.summary());
        assertEquals(2, verdict.checkpoints());
        assertEquals(2, verdict.signatures(), "the proposal sent and the notification received");
    }

    @Test
    void aNodeWithAnRsaKeySignsItsCheckpointsWithRsa() throws Exception {
        archive = new ArchiveFixture(ArchiveFixture.ITL);

        EvidenceCheckpoint checkpoint = archive.checkpointAt(AFTER_FIVE);

        assertEquals("SHA256withRSA", checkpoint.signatureAlgorithm());
        assertTrue(archive.verdict(true).intact(), archive.verdict(true).summary());
    }

    @Test
    void anEmptyArchiveHasNoCheckpoint() throws Exception {
        String schema = TestDatabase.freshSchemaName();
        Database database = TestDatabase.open(schema, 2);
        try {
            EvidenceCheckpoints checkpoints = new EvidenceCheckpoints(database.dataSource(),
                    ArchiveFixture.JP, Clock.systemUTC());
            assertTrue(checkpoints.take().checkpoint().isEmpty());
        } finally {
            database.close();
        }
    }

    @Test
    void aCheckpointWhoseSignatureWasAlteredIsNamed() throws Exception {
        archive = new ArchiveFixture(ArchiveFixture.JP);
        EvidenceCheckpoint checkpoint = archive.checkpointAt(AFTER_FIVE);
        byte[] altered = checkpoint.signature().clone();
        altered[altered.length - 1] ^= 1;

        archive.tamper("update evidence_checkpoint set signature = ? where sequence = 6", altered);

        ArchiveVerdict.Break broken = assertBroken(6, ArchiveVerdict.Fault.CHECKPOINT);
        assertTrue(broken.detail().contains("does not verify"), broken.detail());
    }

    @Test
    void aCheckpointWhoseHashWasMadeToFitARewrittenChainDoesNotVerify() throws Exception {
        archive = new ArchiveFixture(ArchiveFixture.JP);
        archive.checkpointAt(AFTER_FIVE);
        archive.rewrite(5, ArchiveFixture.status(3, TransactionStatus.CANCELLED, ArchiveFixture.START.plusMillis(90)));

        archive.tamper("update evidence_checkpoint set record_sha256 = (select last_sha256 from evidence_head)");

        assertBroken(6, ArchiveVerdict.Fault.CHECKPOINT);
    }

    @Test
    void aChainRewrittenConsistentlyAfterACheckpointIsCaughtAtTheCheckpoint() throws Exception {
        archive = new ArchiveFixture(ArchiveFixture.JP);
        archive.checkpointAt(AFTER_FIVE);
        assertTrue(archive.verdict(true).intact());

        archive.rewrite(5, ArchiveFixture.status(3, TransactionStatus.CANCELLED, ArchiveFixture.START.plusMillis(90)));

        ArchiveVerdict.Break broken = assertBroken(6, ArchiveVerdict.Fault.CHECKPOINT);
        assertTrue(broken.detail().contains("rewritten after it was signed"), broken.detail());
    }

    @Test
    void aCheckpointSignedAfterItsSignerWasRevokedIsNamedWhileMessagesSignedBeforeStillVerify() throws Exception {
        CertificateAuthority ca = ArchiveFixture.CA;
        Credential compromised = ca.issueNodeCertificate("JP", KeyAlgorithm.EC_P256,
                ArchiveFixture.START.minus(Duration.ofDays(1)), Duration.ofDays(365));
        archive = new ArchiveFixture(compromised);
        ca.revoke(compromised.certificate(), ArchiveFixture.START.plus(Duration.ofMinutes(5)));
        archive.checkpointAt(AFTER_FIVE);

        ArchiveVerdict.Break broken = assertBroken(6, ArchiveVerdict.Fault.CHECKPOINT);

        assertTrue(broken.detail().contains("revoked"), broken.detail());
        assertTrue(archive.verdict(false).intact(), "without a trust anchor the signer is not judged");
    }

    @Test
    void aSignerRevokedAfterItSignedACheckpointLeavesItGood() throws Exception {
        CertificateAuthority ca = ArchiveFixture.CA;
        Credential later = ca.issueNodeCertificate("JP", KeyAlgorithm.EC_P256,
                ArchiveFixture.START.minus(Duration.ofDays(1)), Duration.ofDays(365));
        archive = new ArchiveFixture(later);
        archive.checkpointAt(AFTER_FIVE);
        ca.revoke(later.certificate(), AFTER_FIVE.plus(Duration.ofDays(1)));

        ArchiveVerdict verdict = archive.verdict(true);

        assertTrue(verdict.intact(), verdict.summary());
    }

    @Test
    void aMessageWhoseBytesChangedWithEveryHashMadeAgainFailsItsOwnSignature() throws Exception {
        archive = new ArchiveFixture(ArchiveFixture.JP);
        byte[] sent;
        try (var connection = archive.connection()) {
            sent = EvidenceArchive.about(connection, "JP1001").get(1).content();
        }
        String changed = new String(sent, StandardCharsets.UTF_8).replace("<des:unitSerialBlockEnd>10<",
                "<des:unitSerialBlockEnd>99<");

        archive.rewrite(2, changed.getBytes(StandardCharsets.UTF_8));

        assertTrue(archive.verdict(false).intact(), "the chain alone was made again");
        ArchiveVerdict.Break broken = assertBroken(2, ArchiveVerdict.Fault.SIGNATURE);
        assertTrue(broken.detail().contains("does not verify as of " + ArchiveFixture.START.plusMillis(5)), broken.detail());
    }

    @Test
    void aReceivedMessageWhoseSignerIsNotItsPeerIsNamed() throws Exception {
        archive = new ArchiveFixture(ArchiveFixture.JP);

        archive.rewrite(3, archive.contentOf(2));

        ArchiveVerdict.Break broken = assertBroken(3, ArchiveVerdict.Fault.SIGNATURE);
        assertTrue(broken.detail().contains("signed by JP"), broken.detail());
    }

    @Test
    void theCommandChecksCheckpointsAndSignaturesAgainstTheAnchorAndCrlFiles(@TempDir Path files) throws Exception {
        archive = new ArchiveFixture(ArchiveFixture.JP);
        archive.checkpointAt(AFTER_FIVE);
        Path ca = files.resolve("ca.pem");
        Path crl = files.resolve("crl.pem");
        PkiFiles.writeCertificates(ca, List.of(ArchiveFixture.CA.certificate()));
        PkiFiles.writeCrl(crl, ArchiveFixture.CA.publishCrl(AFTER_ALL, Duration.ofDays(7)));
        String[] args = {"--jdbc-url", TestDatabase.jdbcUrl(), "--schema", archive.schema, "--trust-anchor",
                ca.toString(), "--crl", crl.toString()};
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        assertEquals(0, VerifyArchive.run(new PrintWriter(out), new PrintWriter(err), args), err.toString());
        assertTrue(out.toString().startsWith("intact: 6 records"), out.toString());
        assertTrue(out.toString().contains("1 signed checkpoints, 2 message signatures"), out.toString());

        archive.tamper("update evidence_checkpoint set signed_at = signed_at + interval '1 second'");
        assertEquals(1, VerifyArchive.run(new PrintWriter(out), new PrintWriter(err), args));
        assertTrue(err.toString().startsWith("BROKEN at checkpoint of record 6 (CHECKPOINT)"), err.toString());

        Files.writeString(crl, "not a CRL");
        assertEquals(2, VerifyArchive.run(new PrintWriter(out), new PrintWriter(err), args));
    }

    private ArchiveVerdict.Break assertBroken(long sequence, ArchiveVerdict.Fault fault) throws SQLException {
        ArchiveVerdict verdict = archive.verdict(true);
        assertFalse(verdict.intact(), verdict.summary());
        ArchiveVerdict.Break broken = verdict.firstBreak().orElseThrow();
        assertEquals(sequence, broken.sequence(), verdict.summary());
        assertEquals(fault, broken.fault(), verdict.summary());
        return broken;
    }
}
