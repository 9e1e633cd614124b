package org.itlgateway.testkit.junit;

import static org.itlgateway.testkit.junit.ItlNetwork.Expected.received;
import static org.itlgateway.testkit.junit.ItlNetwork.Expected.sent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A test class as a tester writes one: the network started for it, its client injected, real HTTP throughout. */
@ItlNetworkTest(start = "2016-09-01T09:00:00Z")
class ItlNetworkExtensionIT {

    private static final Instant START = Instant.parse("2016-09-01T09:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ItlNetwork network;

    ItlNetworkExtensionIT(ItlNetwork network) {
        this.network = network;
    }

    @Test
    void theClockStandsAtTheStartUntilTheTestMovesIt() {
        Instant before = network.clock().now();
        assertFalse(network.clock().reading().running());
        assertFalse(before.isBefore(START), "never before the start the test asked for: " + before);

        ItlNetwork.Clock.Reading moved = network.clock().advance(Duration.ofDays(3));

        assertEquals(before.plus(Duration.ofDays(3)), moved.now());
        assertEquals(moved.now(), network.clock().now());
    }

    @Test
    void everyNodeOfTheBuiltInProfilesIsThereWithItsEndpoint() {
        List<String> codes = network.nodes().stream().map(ItlNetwork.Node::code).toList();

        assertTrue(codes.containsAll(List.of("ITL", "CITL", "CDM", "GB", "CH", "JP", "NZ", "DE", "FR")), codes.toString());
        assertTrue(network.itlEndpoint().startsWith("http://127.0.0.1:"), network.itlEndpoint());
        assertTrue(network.node("CDM").operator().isPresent(), "the simulated registries take proposals");
    }

    @Test
    void aCertificateFromTheNetworksCaNamesTheRegistryAndChainsToTheCa() throws Exception {
        ItlNetwork.Certificate issued = network.certificates().issue("NO");

        X509Certificate certificate = x509(issued.certificatePem());
        X509Certificate ca = x509(issued.caCertificatePem());
        certificate.verify(ca.getPublicKey());
        assertTrue(certificate.getSubjectX500Principal().getName().startsWith("CN=NO,"),
                certificate.getSubjectX500Principal().getName());
        assertTrue(issued.privateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----"));
        assertTrue(issued.crlPem().startsWith("-----BEGIN X509 CRL-----"));
    }

    @Test
    void anIssuanceIsFollowedThroughTheJournalTheMirrorAndAReconciliation() throws Exception {
        String transaction = propose(network.node("CDM").operator().orElseThrow(),
                "{\"operation\":\"issue\",\"project\":4321,\"unitType\":\"CER\",\"period\":2,\"quantity\":100}");

        ItlNetwork.Verification proposed = network.journal()
                .await(received("ITL").transaction(transaction).operation("acceptProposal").times(1), PATIENCE);
        ItlNetwork.Verification notified = network.journal()
                .await(sent("ITL").transaction(transaction).operation("acceptNotification").peer("CDM").atLeast(1),
                        PATIENCE);

        assertTrue(proposed.verified(), proposed.toString());
        assertTrue(notified.verified(), notified.toString());
        assertFalse(network.journal().of(transaction).isEmpty());
        List<ItlNetwork.Entry> withXml = network.journal().withXmlOf(transaction).stream()
                .filter(entry -> entry.rawXml() != null).toList();
        assertTrue(withXml.size() >= 2, withXml.toString());
        assertTrue(withXml.stream().allMatch(entry -> entry.rawXml().contains("SignatureValue")), withXml.toString());
        assertTrue(network.await(() -> network.mirror("CDM").units() >= 100, PATIENCE), network.mirror("CDM").toString());

        long id = network.reconciliations().start("CDM").get(0).id();
        ItlNetwork.Reconciliation decided = network.reconciliations().awaitDecided(id, PATIENCE);
        assertEquals(2, decided.statusCode(), decided.toString());
    }

    @Test
    void aFaultRuleIsTakenAndARuleTheApiRefusesSaysWhy() {
        String id = network.faults().add(ItlNetwork.Rule.onReceiving("JP", "acceptProposal", "DROP", 1));
        network.faults().clearRules();

        ItlNetwork.Refused refused = assertThrows(ItlNetwork.Refused.class,
                () -> network.faults().add(new ItlNetwork.Rule("JP", "RECEIVES", "acceptProposal", "DROP", 0, null)));

        assertFalse(id.isBlank());
        assertEquals(400, refused.status());
        assertEquals("nth", refused.problem().path("field").asText(), refused.problem().toString());
    }

    @Test
    void theLogsParametersAreReadAndChanged() {
        int limit = network.profiles().parametersOf("ITL").path("maxBlocksPerProposal").asInt();

        JsonNode changed = network.profiles().changeParameters("ITL", Map.of("maxBlocksPerProposal", limit + 1));
        int readBack = network.profiles().parametersOf("ITL").path("maxBlocksPerProposal").asInt();
        network.profiles().changeParameters("ITL", Map.of("maxBlocksPerProposal", limit));

        assertTrue(limit > 0, "the ITL has a limit of blocks per proposal");
        assertEquals(limit + 1, changed.path("maxBlocksPerProposal").asInt(), changed.toString());
        assertEquals(limit + 1, readBack);
        assertEquals(limit, network.profiles().parametersOf("ITL").path("maxBlocksPerProposal").asInt());
    }

    private static String propose(String operatorApi, String body) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(operatorApi + "/transactions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, answer.statusCode(), answer.body());
        return new ObjectMapper().readTree(answer.body()).path("transaction").asText();
    }

    private static X509Certificate x509(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }
}
