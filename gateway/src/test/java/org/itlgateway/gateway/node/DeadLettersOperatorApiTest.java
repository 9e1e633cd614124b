package org.itlgateway.gateway.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.cxf.endpoint.Server;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.store.DatabaseSettings;
import org.itlgateway.gateway.app.RegistryGateway;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.gateway.support.MutableClock;
import org.itlgateway.gateway.support.RecordingReceiver;
import org.itlgateway.gateway.support.TestDatabase;
import org.itlgateway.gateway.support.TestPki;
import org.itlgateway.gateway.transport.SoapEndpoints;
import org.itlgateway.gateway.transport.TransactionLogEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A registry gateway sets aside what it cannot process or send, and its operator sees those dead letters, with
 * why and the stack trace, and retries or discards them through the operator API over real HTTP.
 */
class DeadLettersOperatorApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "dead-letters-operator-token";

    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-14T09:31:00Z"));
    private final RecordingReceiver itlReceived = new RecordingReceiver();
    private Server itl;
    private RegistryGateway gateway;
    private String schema;

    @BeforeEach
    void startTheRegistryGateway() {
        String itlAddress = "http://127.0.0.1:" + FreePorts.next() + "/itl";
        itl = SoapEndpoints.publishTransactionLog(itlAddress, new TransactionLogEndpoint(itlReceived, Clock.systemUTC()),
                TestPki.signatures(TestPki.credential("ITL")), InboundLimits.defaults(), TestDatabase.seenMessages());
        schema = TestDatabase.freshSchemaName();
        gateway = RegistryGateway.start(new RegistryGateway.Settings(RegistryCode.of("NZ"),
                "http://127.0.0.1:" + FreePorts.next() + "/registry", itlAddress,
                new SigningSettings(TestPki.credential("NZ"), TrustSettings.of(TestPki.ca().certificate(), TestPki::currentCrls)),
                DatabaseSettings.external(TestDatabase.jdbcUrl(), "postgres", "").withSchema(schema).withPoolSize(4),
                "127.0.0.1", 0, Duration.ofSeconds(10), Duration.ofHours(24), false, List.of(), null, TOKEN), clock);
    }

    @AfterEach
    void stop() {
        gateway.close();
        itl.destroy();
    }

    @Test
    void deadLettersOfTheInboxAndTheOutboxAreListedWithTheirReasonAndRetriedOrDiscarded() throws Exception {
        TestDatabase.execute(schema, "insert into inbox_message (operation, sender, message_key, content_digest,"
                + " received_at, raw_xml, payload_xml) values ('REGISTRY_ACCEPT_MESSAGE', 'ITL', 'note-1', 'd',"
                + " '2024-03-14T09:00:00Z', '\\x00', '<broken')");
        TestDatabase.execute(schema, "insert into outbox_message (destination, operation, message_key, payload_xml,"
                + " created_at, next_attempt_at) values ('ITL', 'LOG_ACCEPT_NOTIFICATION', 'NZ1/4', '<broken',"
                + " '2024-03-14T09:00:00Z', '2024-03-14T09:00:00Z')");
        gateway.runOnce();

        JsonNode letters = get("/dead-letters");
        assertEquals(1, letters.get("inbox").size(), letters.toString());
        assertEquals(1, letters.get("outbox").size(), letters.toString());
        JsonNode received = letters.get("inbox").get(0);
        assertEquals("acceptMessage", received.get("operation").asText());
        assertEquals("ITL", received.get("peer").asText());
        assertTrue(received.get("reason").asText().contains("stored request"), received.toString());
        assertTrue(received.get("trace").asText().contains("at org.itlgateway"), received.toString());
        JsonNode toSend = letters.get("outbox").get(0);
        assertEquals("NZ1/4", toSend.get("messageKey").asText());
        assertTrue(toSend.get("reason").asText().contains("does not read"), toSend.toString());

        HttpResponse<String> retried = post(received.get("retry").asText());
        assertEquals(200, retried.statusCode(), retried.body());
        assertEquals("RECEIVED", JSON.readTree(retried.body()).get("status").asText());
        assertEquals(1, TestDatabase.count(schema, "select count(*) from inbox_message where status = 'RECEIVED'"));

        HttpResponse<String> discarded = post(toSend.get("discard").asText());
        assertEquals(200, discarded.statusCode(), discarded.body());
        assertEquals(1, TestDatabase.count(schema, "select count(*) from outbox_message where status = 'DISCARDED'"));
        assertEquals(404, post(toSend.get("retry").asText()).statusCode(), "a discarded message is no dead letter");
        assertEquals(404, post("/dead-letters/elsewhere/1/retry").statusCode());
        assertEquals(400, post("/dead-letters/outbox/first/discard").statusCode());

        gateway.runOnce();
        JsonNode after = get("/dead-letters");
        assertEquals(1, after.get("inbox").size(), "retried, it failed again and is back among the dead letters");
        assertEquals(0, after.get("outbox").size());
    }

    @Test
    void aDeadLetterOfTheOutboxRetriedIsSentAgainAtOnce() throws Exception {
        TestDatabase.execute(schema, "insert into outbox_message (destination, operation, message_key, payload_xml,"
                + " created_at, next_attempt_at) values ('ITL', 'LOG_ACCEPT_NOTIFICATION', 'NZ2/4', '<broken',"
                + " '2024-03-14T09:00:00Z', '2024-03-14T09:00:00Z')");
        gateway.runOnce();
        long id = get("/dead-letters").get("outbox").get(0).get("id").asLong();

        HttpResponse<String> retried = post("/dead-letters/outbox/" + id + "/retry");

        assertEquals(200, retried.statusCode(), retried.body());
        assertEquals("PENDING", JSON.readTree(retried.body()).get("status").asText());
        assertEquals(1, TestDatabase.count(schema, "select count(*) from outbox_message where status = 'PENDING'"
                + " and faults = 0 and next_attempt_at <= '2024-03-14T09:31:00Z'"));
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.operatorAddress() + path))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.operatorAddress() + path))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
