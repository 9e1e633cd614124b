package org.itlgateway.simulator.itl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.store.DatabaseSettings;
import org.itlgateway.gateway.evidence.ArchiveVerdict;
import org.itlgateway.gateway.evidence.ArchiveVerification;
import org.itlgateway.gateway.evidence.ChainRewrite;
import org.itlgateway.gateway.evidence.EvidenceCheckpoint;
import org.itlgateway.gateway.evidence.EvidenceCheckpoints;
import org.itlgateway.gateway.evidence.RecordHash;
import org.itlgateway.gateway.evidence.VerifyArchive;
import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.pki.KeyAlgorithm;
import org.itlgateway.gateway.security.MessageSignatures;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.gateway.transport.SoapClients;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.DesContract;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
import org.itlgateway.schemas.v1.types.DesEvidenceCheckpoint;
import org.itlgateway.schemas.v1.types.DesReceipt;
import org.itlgateway.simulator.control.ControlApi;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.NetworkDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network's registries send the ITL each checkpoint of their evidence archive they sign, over real HTTP and
 * signed as any message; the ITL keeps them and refuses, with its own codes, a checkpoint that names another node
 * (6023), whose signature does not verify with the message signer's certificate (6022), that contradicts one it holds
 * (6021) or signs no later record than the last one it holds (6020). What the ITL holds then catches a registry that
 * rewrote its archive and signed it again with a new key. A network of its own: its registries' archives are this
 * test's.
 */
class EvidenceCheckpointExchangeIT {

    private static final Instant START = Instant.parse("2016-05-02T09:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static Network network;
    private static ControlApi control;

    @BeforeAll
    static void start() {
        network = Network.start(NetworkDatabases.settings().withClientTimeout(Duration.ofMillis(1500)));
        control = ControlApi.start(network, "127.0.0.1", 0);
        network.clock().set(START);
        network.settle();
    }

    @AfterAll
    static void stop() {
        control.close();
        network.close();
    }

    @Test
    void aRegistrysCheckpointReachesTheItlAndARewrittenChainSignedAgainIsCaughtByIt(@TempDir Path files)
            throws Exception {
        network.duties().messages().send(RegistryCode.of("CDM"), "maintenance tonight", null);
        network.settle();
        network.advance(Duration.ofHours(2));

        EvidenceCheckpoint signed = ownLatest("CDM").orElseThrow(() -> new AssertionError("CDM signed no checkpoint"));
        List<EvidenceCheckpoint> held = network.itl().checkpointsOf("CDM");
        assertEquals(1, held.size(), "the ITL holds CDM's checkpoint");
        assertEquals(signed.sequence(), held.get(0).sequence());
        assertEquals(signed.recordSha256(), held.get(0).recordSha256());
        assertEquals(signed.signedAt(), held.get(0).signedAt());

        HttpResponse<String> listed = get("/evidence/checkpoints?registry=CDM");
        assertEquals(200, listed.statusCode(), listed.body());
        Path heldFile = files.resolve("cdm-held.json");
        Files.writeString(heldFile, listed.body());
        assertEquals(0, verifyArchive("cdm", heldFile), "CDM's archive holds what the ITL holds");

        rewriteFirstRecordAndSignAgainWithANewKey("CDM");

        try (Connection connection = connectionTo("cdm")) {
            ArchiveVerdict alone = ArchiveVerification.verify(connection, Optional.empty());
            assertTrue(alone.intact(), "a new key makes the rewritten chain hold on its own: " + alone.summary());
            ArchiveVerdict withTheItls = ArchiveVerification.verify(connection, Optional.empty(), held);
            ArchiveVerdict.Break broken = withTheItls.firstBreak().orElseThrow();
            assertEquals(ArchiveVerdict.Fault.CHECKPOINT, broken.fault());
            assertEquals(signed.sequence(), broken.sequence());
            assertTrue(broken.detail().endsWith("was rewritten after the checkpoint was sent to the ITL"),
                    broken.detail());
        }
        assertEquals(1, verifyArchive("cdm", heldFile), "the command names it too");
    }

    @Test
    void theControlApiAsksWhichRegistry() throws Exception {
        HttpResponse<String> answer = get("/evidence/checkpoints");

        assertEquals(400, answer.statusCode());
        assertTrue(answer.body().contains("GET /evidence/checkpoints?registry=CDM"), answer.body());
    }

    @Test
    void theItlKeepsACheckpointOnceAndRefusesOneThatContradictsItOrComesNoLater() throws Exception {
        Credential gb = network.ca().issueNodeCertificate("GB", KeyAlgorithm.EC_P256,
                Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(30));
        Instant at = network.clock().instant();

        DesEvidenceCheckpoint tenth = checkpoint(gb, "GB", 10, "aa", at);

        DesReceipt first = send(gb, tenth);
        network.settle();
        DesReceipt again = send(gb, tenth);
        DesReceipt contradicting = send(gb, checkpoint(gb, "GB", 10, "bb", at.plusSeconds(1)));
        DesReceipt earlier = send(gb, checkpoint(gb, "GB", 9, "cc", at.plusSeconds(2)));
        DesReceipt sameRecordLater = send(gb, checkpoint(gb, "GB", 10, "aa", at.plusSeconds(3)));
        network.settle();

        assertEquals(1, first.getResultIdentifier());
        assertEquals(1, again.getResultIdentifier(), "the same checkpoint sent again is taken, changing nothing");
        assertRefused(6021, contradicting, "GB's checkpoint gives record 10 the hash " + "bb".repeat(32));
        assertRefused(6020, earlier, "GB's checkpoint signs record 9, but the ITL holds its checkpoint of record 10");
        assertRefused(6020, sameRecordLater,
                "GB's checkpoint signs record 10, but the ITL holds its checkpoint of record 10");
        List<EvidenceCheckpoint> held = network.itl().checkpointsOf("GB");
        assertEquals(1, held.size());
        assertEquals("aa".repeat(32), held.get(0).recordSha256());
    }

    @Test
    void theItlRefusesACheckpointWhoseSignatureDoesNotVerifyWithTheMessagesSigner() throws Exception {
        Credential ch = network.ca().issueNodeCertificate("CH", KeyAlgorithm.EC_P256,
                Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(30));
        Credential otherKey = network.ca().issueNodeCertificate("CH", KeyAlgorithm.EC_P256,
                Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(30));
        DesEvidenceCheckpoint signedWithAnotherKey = checkpoint(otherKey, "CH", 3, "dd", network.clock().instant());
        DesEvidenceCheckpoint altered = checkpoint(ch, "CH", 4, "ee", network.clock().instant());
        altered.setSequenceNumber(5);

        assertRefused(6022, send(ch, signedWithAnotherKey), "of CH's checkpoint of record 3 does not verify");
        assertRefused(6022, send(ch, altered), "of CH's checkpoint of record 5 does not verify");
        assertTrue(network.itl().checkpointsOf("CH").isEmpty());
    }

    @Test
    void theItlRefusesACheckpointNamingAnotherNodeThanTheMessagesSigner() throws Exception {
        Credential nz = network.ca().issueNodeCertificate("NZ", KeyAlgorithm.EC_P256,
                Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(30));

        DesReceipt answer = send(nz, checkpoint(nz, "JP", 1, "ff", network.clock().instant()));

        assertRefused(6023, answer, "the checkpoint of record 1 names JP, but the message is signed by NZ");
        assertTrue(network.itl().checkpointsOf("JP").isEmpty());
    }

    private static void assertRefused(int code, DesReceipt receipt, String why) {
        assertEquals(0, receipt.getResultIdentifier(), receipt.getReason());
        assertEquals(List.of(code), receipt.getResponseCodes().getResponseCode(), receipt.getReason());
        assertTrue(receipt.getReason() != null && receipt.getReason().contains(why), receipt.getReason());
    }

    /** A checkpoint of {@code node}'s record {@code sequence} with the hash {@code hex} repeated, signed with {@code key}. */
    private static DesEvidenceCheckpoint checkpoint(Credential key, String node, long sequence, String hex, Instant at)
            throws GeneralSecurityException {
        Instant signedAt = RecordHash.stored(at);
        String hash = hex.repeat(32);
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(key.privateKey());
        signature.update(EvidenceCheckpoint.text(node, sequence, hash, signedAt).getBytes(StandardCharsets.UTF_8));
        DesEvidenceCheckpoint checkpoint = new DesEvidenceCheckpoint();
        checkpoint.setNode(node);
        checkpoint.setSequenceNumber(sequence);
        checkpoint.setRecordHash(hash);
        checkpoint.setSignedDateTime(signedAt);
        checkpoint.setSignatureAlgorithm("SHA256withECDSA");
        checkpoint.setSignature(signature.sign());
        return checkpoint;
    }

    /** Sends the checkpoint to the ITL over HTTP, in a message signed with {@code signer}; answers the receipt. */
    private static DesReceipt send(Credential signer, DesEvidenceCheckpoint checkpoint) throws Exception {
        SigningSettings settings = new SigningSettings(signer, TrustSettings.of(network.ca().certificate(),
                () -> List.of(network.ca().publishCrl(Instant.now(), Duration.ofDays(7)))));
        TransactionLogPortType itl = SoapClients.transactionLog(network.addressOf("ITL"), "ITL",
                new MessageSignatures(settings), PATIENCE);
        try {
            String from = settings.signerCode();
            return itl.acceptEvidenceCheckpoint(Wire.LOG_ACCEPT_EVIDENCE_CHECKPOINT.element(
                    new Envelope(from, "ITL", DesContract.MAJOR_VERSION, DesContract.MINOR_VERSION), checkpoint));
        } finally {
            ((Closeable) itl).close();
        }
    }

    /**
     * Changes record 1's content and makes every hash again from it to the head, drops the registry's checkpoints and
     * signs the head again with a new key of the registry: what a registry would do to hide a change of its past.
     */
    private static void rewriteFirstRecordAndSignAgainWithANewKey(String registry) throws SQLException {
        String schema = registry.toLowerCase(java.util.Locale.ROOT);
        try (Connection connection = connectionTo(schema);
             PreparedStatement drop = connection.prepareStatement("delete from evidence_checkpoint")) {
            ChainRewrite.rewrite(connection, 1, "a message never received".getBytes(StandardCharsets.UTF_8));
            drop.executeUpdate();
        }
        Credential newKey = network.ca().issueNodeCertificate(registry, KeyAlgorithm.EC_P256,
                Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(30));
        new EvidenceCheckpoints(network.stores(registry).database().dataSource(), newKey, network.clock()).take();
    }

    private static Optional<EvidenceCheckpoint> ownLatest(String registry) throws SQLException {
        try (Connection connection = connectionTo(registry.toLowerCase(java.util.Locale.ROOT))) {
            return EvidenceCheckpoints.latest(connection);
        }
    }

    private static int verifyArchive(String schema, Path held) {
        DatabaseSettings.External server = network.databaseServer().server();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = VerifyArchive.run(new PrintWriter(out), new PrintWriter(err), "--jdbc-url", server.jdbcUrl(),
                "--jdbc-user", server.user(), "--jdbc-password", server.password() == null ? "" : server.password(),
                "--schema", schema, "--itl-checkpoints", held.toString());
        assertFalse((out.toString() + err.toString()).isBlank());
        return exit;
    }

    private static Connection connectionTo(String schema) throws SQLException {
        DatabaseSettings.External server = network.databaseServer().server();
        Connection connection = java.sql.DriverManager.getConnection(server.jdbcUrl(), server.user(),
                server.password() == null ? "" : server.password());
        connection.setSchema(schema);
        return connection;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(control.address() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
