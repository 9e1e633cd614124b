package org.itlgateway.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.transport.http.HTTPConduit;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.store.DatabaseSettings;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.pki.KeyAlgorithm;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.gateway.support.MutableClock;
import org.itlgateway.gateway.support.RecordingReceiver;
import org.itlgateway.gateway.support.TestDatabase;
import org.itlgateway.gateway.support.TestPki;
import org.itlgateway.gateway.support.WireSamples;
import org.itlgateway.gateway.transport.SoapClients;
import org.itlgateway.gateway.transport.SoapEndpoints;
import org.itlgateway.gateway.transport.TlsSettings;
import org.itlgateway.gateway.transport.TransactionLogEndpoint;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.v1.registry.RegistryPortType;
import org.itlgateway.schemas.v1.types.DesProposal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A registry gateway run with mutual TLS and an operator token: its endpoint is https and takes only clients with
 * a certificate of the network's CA, what it sends the ITL goes over mutual TLS too (here to a recording ITL
 * endpoint), and its operator API answers only requests that carry the token.
 */
class RegistryGatewaySecurityTest {

    private static final RecordingReceiver ITL = new RecordingReceiver();
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-03-14T09:31:00Z"));
    private static Server itl;
    private static RegistryGateway newZealand;
    private static String registryAddress;

    @BeforeAll
    static void startTheRegistryGatewayOverMutualTls() {
        String itlAddress = "https://localhost:" + FreePorts.next() + "/itl";
        itl = SoapEndpoints.publishTransactionLog(itlAddress, new TransactionLogEndpoint(ITL, Clock.systemUTC()),
                TestPki.signatures(TestPki.credential("ITL")), InboundLimits.defaults(), TestDatabase.seenMessages(), tls("ITL"));
        registryAddress = "https://localhost:" + FreePorts.next() + "/registry";
        String jdbcUrl = TestDatabase.jdbcUrl();
        newZealand = RegistryGateway.start(new RegistryGateway.Settings(RegistryCode.of("NZ"), registryAddress, itlAddress,
                new SigningSettings(TestPki.credential("NZ"), TrustSettings.of(TestPki.ca().certificate(), TestPki::currentCrls)),
                DatabaseSettings.external(jdbcUrl, "postgres", "").withSchema("nz_tls"), "127.0.0.1", 0,
                Duration.ofSeconds(10), Duration.ofHours(24), false, List.of(), tls("NZ"), "s3cret-operator-token"), CLOCK);
    }

    private static TlsSettings tls(String node) {
        Credential credential = TestPki.ca().issueServerCertificate(node, KeyAlgorithm.EC_P256,
                Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(30), List.of());
        return new TlsSettings(credential, TestPki.ca().certificate());
    }

    @AfterAll
    static void stop() {
        newZealand.close();
        itl.destroy();
    }

    @Test
    void theItlReachesTheRegistryOverMutualTlsAndItsAnswerGoesBackTheSameWay() throws Exception {
        RegistryPortType client = SoapClients.registry(registryAddress, "NZ", TestPki.signatures(TestPki.credential("ITL")),
                Duration.ofSeconds(30), tls("ITL"));
        try {
            assertEquals(1, client.acceptProposal(WireSamples.proposalToRegistry("ITL", "NZ", transferToNewZealand("CDM7")))
                    .getResultIdentifier());
        } finally {
            ((Closeable) client).close();
        }
        newZealand.runOnce();

        List<InboundMessage> answers = ITL.received().stream()
                .filter(message -> message.contentIf(Wire.LOG_ACCEPT_NOTIFICATION)
                        .filter(n -> n.getTransactionIdentifier().equals("CDM7")).isPresent())
                .toList();
        assertEquals(1, answers.size(), "the registry's answer reached the ITL over mutual TLS: " + ITL.received());
        assertEquals("NZ", answers.get(0).signer());
        int status = answers.get(0).content(Wire.LOG_ACCEPT_NOTIFICATION).getTransactionStatus();
        assertTrue(status == 8 || status == 6, "accepted or rejected, not " + status);
    }

    @Test
    void aClientWithoutACertificateIsRefusedBeforeAnyMessageIsRead() throws Exception {
        RegistryPortType client = SoapClients.registry(registryAddress, "NZ", TestPki.signatures(TestPki.credential("ITL")),
                Duration.ofSeconds(30));
        TLSClientParameters trustOnly = new TLSClientParameters();
        trustOnly.setTrustManagers(tls("ITL").clientParameters().getTrustManagers());
        ((HTTPConduit) ClientProxy.getClient(client).getConduit()).setTlsClientParameters(trustOnly);
        try {
            assertThrows(jakarta.xml.ws.WebServiceException.class,
                    () -> client.acceptProposal(WireSamples.proposalToRegistry("ITL", "NZ", transferToNewZealand("CDM8"))));
        } finally {
            ((Closeable) client).close();
        }
        assertEquals(0L, TestDatabase.count("nz_tls", "select count(*) from inbox_message where message_key like 'CDM8%'"));
    }

    @Test
    void theOperatorApiAnswersOnlyRequestsWithItsToken() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI registry = java.net.URI.create(newZealand.operatorAddress() + "/registry");

        java.net.http.HttpResponse<String> without = http.send(java.net.http.HttpRequest.newBuilder(registry).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, without.statusCode());
        assertTrue(without.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), without.headers()::toString);
        assertTrue(without.body().contains("Authorization: Bearer"), without.body());

        java.net.http.HttpResponse<String> wrong = http.send(java.net.http.HttpRequest.newBuilder(registry)
                .header("Authorization", "Bearer guessed").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode());

        java.net.http.HttpResponse<String> opening = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(newZealand.operatorAddress() + "/accounts"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"type\":120,\"identifier\":78,\"holder\":\"x\"}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, opening.statusCode(), "nothing is opened without the token");
        assertEquals(0L, TestDatabase.count("nz_tls", "select count(*) from accounts where identifier = 78"));

        java.net.http.HttpResponse<String> with = http.send(java.net.http.HttpRequest.newBuilder(registry)
                .header("Authorization", "Bearer s3cret-operator-token").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, with.statusCode(), with.body());
    }

    /** The CDM registry's external transfer of the sample block to New Zealand's account 77. */
    private static DesProposal transferToNewZealand(String transactionId) {
        DesProposal proposal = WireSamples.cdmIssuance(transactionId);
        proposal.setTransactionType(3);
        proposal.setTransferringRegistryAccountType(120);
        proposal.setTransferringRegistryAccountIdentifier(10_001L);
        proposal.setAcquiringRegistryCode("NZ");
        proposal.setAcquiringRegistryAccountType(120);
        proposal.setAcquiringRegistryAccountIdentifier(77L);
        return proposal;
    }
}
