package org.itlgateway.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.stream.StreamSupport;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.ControlledNetwork;
import org.itlgateway.simulator.support.OperatorClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The control API's routes over HTTP, each as a tester calls it and with the answers it gives to a request it
 * cannot take; the routes other classes test in depth (the journal's verification, the parameters, reconciliation,
 * the accounts, the faults) are exercised there.
 */
class ControlApiRoutesIT {

    private static ControlledNetwork controlled;
    private static Network network;
    private static OperatorClient api;

    @BeforeAll
    static void start() {
        controlled = ControlledNetwork.start();
        network = controlled.network();
        api = controlled.api();
    }

    @AfterAll
    static void stop() {
        controlled.close();
    }

    @Test
    void theSimulatedClockIsReadSetAndAdvanced() {
        OperatorClient.Answer set = api.post("/clock", "{\"set\": \"2017-01-02T09:00:00Z\"}");
        OperatorClient.Answer advanced = api.post("/clock", "{\"advance\": \"PT2H\"}");
        OperatorClient.Answer both = api.post("/clock", "{\"set\": \"2017-01-02T09:00:00Z\", \"advance\": \"PT2H\"}");

        assertEquals("2017-01-02T09:00:00Z", set.json().path("now").asText(), set.text());
        assertTrue(advanced.json().path("now").asText().startsWith("2017-01-02T11:00"), advanced.text());
        assertTrue(api.get("/clock").json().path("now").asText().startsWith("2017-01-02T11:00"));
        assertEquals(400, both.status(), both.text());
    }

    @Test
    void aCertificateMintedForANodeCodeIsSignedByTheNetworksCa() throws Exception {
        OperatorClient.Answer minted = api.post("/certificates", "{\"code\": \"NO\"}");
        OperatorClient.Answer misnamed = api.post("/certificates", "{\"code\": \"norway\"}");

        assertEquals(200, minted.status(), minted.text());
        JsonNode body = minted.json();
        assertTrue(body.path("subject").asText().contains("CN=NO"), minted.text());
        X509Certificate certificate = pem(body.path("certificatePem").asText());
        X509Certificate ca = pem(body.path("caCertificatePem").asText());
        certificate.verify(ca.getPublicKey());
        assertTrue(body.path("privateKeyPem").asText().startsWith("-----BEGIN PRIVATE KEY-----"), "its key comes too");
        assertTrue(body.path("crlPem").asText().startsWith("-----BEGIN X509 CRL-----"), "and the CA's CRL");
        assertEquals(400, misnamed.status(), misnamed.text());
        assertEquals("code", misnamed.json().path("field").asText(), misnamed.text());
    }

    @Test
    void aJournalEntryIsReadByItsIdentifier() {
        api.post("/reconciliations", "{\"registry\": \"JP\"}");
        JsonNode latest = api.get("/journal?node=ITL&limit=1").json().get(0);

        OperatorClient.Answer one = api.get("/journal/" + latest.path("id").asLong());

        assertEquals(200, one.status(), one.text());
        assertEquals(latest.path("operation").asText(), one.json().path("operation").asText(), one.text());
        assertEquals(latest.path("outcome").asText(), one.json().path("outcome").asText());
        assertEquals(404, api.get("/journal/999999999").status());
        assertEquals(400, api.get("/journal/first").status());
    }

    @Test
    void reconciliationsAreListedByRegistryAndReadOneByOne() {
        JsonNode started = api.post("/reconciliations", "{\"registry\": \"NZ\"}").json().get(0);
        long id = started.path("id").asLong();

        JsonNode listed = api.get("/reconciliations?registry=NZ").json();
        OperatorClient.Answer one = api.get("/reconciliations/" + id);

        assertTrue(StreamSupport.stream(listed.spliterator(), false).anyMatch(r -> r.path("id").asLong() == id),
                listed.toString());
        assertEquals(200, one.status(), one.text());
        assertEquals("NZ", one.json().path("registry").asText(), one.text());
        assertEquals("VALIDATED", one.json().path("status").asText(), one.text());
        assertEquals(404, api.get("/reconciliations/987654").status());
        assertEquals(400, api.get("/reconciliations").status(), "the registry must be named");
        OperatorClient.Answer nameless = api.post("/reconciliations", "{}");
        assertEquals(400, nameless.status(), nameless.text());
        assertEquals("registry", nameless.json().path("field").asText(), nameless.text());
    }

    @Test
    void aNoticeTheItlIssuesThroughTheControlApiReachesTheRegistrysOperatorApi() {
        OperatorClient.Answer issued = api.post("/notices", "{\"registry\": \"JP\", \"type\": 1, \"period\": 2,"
                + " \"unitType\": \"AAU\", \"quantity\": 40, \"targetDate\": \"2017-06-30\", \"content\": \"net source\"}");
        OperatorClient.Answer unknownType = api.post("/notices", "{\"registry\": \"JP\", \"type\": 77}");
        OperatorClient.Answer unknownRegistry = api.post("/notices", "{\"registry\": \"ZZ\", \"type\": 1}");

        assertEquals(200, issued.status(), issued.text());
        long id = issued.json().path("id").asLong();
        OperatorClient japan = new OperatorClient(network.operatorAddressOf("JP").orElseThrow());
        JsonNode received = japan.get("/notices?limit=5").json().path("notices");
        assertTrue(StreamSupport.stream(received.spliterator(), false)
                .anyMatch(n -> n.path("id").asLong() == id && n.path("type").path("code").asInt() == 1
                        && n.path("targetQuantity").asLong() == 40), received.toString());
        assertEquals(400, unknownType.status(), unknownType.text());
        assertEquals("type", unknownType.json().path("field").asText(), unknownType.text());
        assertEquals(404, unknownRegistry.status(), unknownRegistry.text());
    }

    @Test
    void aFaultIsSetListedAndCleared() {
        OperatorClient.Answer set = api.put("/faults/NZ", "{\"kind\": \"REFUSE_ALL\", \"code\": 5303}");
        JsonNode listed = api.get("/faults").json();
        OperatorClient.Answer cleared = api.delete("/faults/NZ");

        assertEquals(200, set.status(), set.text());
        assertEquals("REFUSE_ALL", listed.path("NZ").path("kind").asText(), listed.toString());
        assertEquals(200, cleared.status(), cleared.text());
        assertTrue(api.get("/faults").json().path("NZ").isMissingNode(), "cleared");
        assertEquals(404, api.put("/faults/ZZ", "{\"kind\": \"UNAVAILABLE\"}").status());
        OperatorClient.Answer kindless = api.put("/faults/NZ", "{}");
        assertEquals(400, kindless.status(), kindless.text());
        assertEquals("kind", kindless.json().path("field").asText(), kindless.text());
    }

    private static X509Certificate pem(String text) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
    }
}
