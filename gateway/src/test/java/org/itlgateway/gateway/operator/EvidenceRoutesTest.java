package org.itlgateway.gateway.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.store.DatabaseSettings;
import org.itlgateway.gateway.app.RegistryGateway;
import org.itlgateway.gateway.evidence.EvidenceArchive;
import org.itlgateway.gateway.evidence.EvidenceKind;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.node.DatabaseTransactor;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.gateway.support.MutableClock;
import org.itlgateway.gateway.support.TestDatabase;
import org.itlgateway.gateway.support.TestPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A registry gateway's evidence routes: a transaction's trail with the archive's verdict and the checkpoint that
 * covers it, a checkpoint taken on demand (and none for an empty archive or a head that did not move), and one
 * taken by the gateway's duties when the period has passed on its clock.
 */
class EvidenceRoutesTest {

    private static final String TOKEN = "operator-evidence-test-token";
    private static final Instant START = Instant.parse("2024-03-14T09:31:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final MutableClock clock = new MutableClock(START);
    private String schema;
    private RegistryGateway gateway;

    @BeforeEach
    void start() {
        schema = TestDatabase.freshSchemaName();
        gateway = RegistryGateway.start(new RegistryGateway.Settings(RegistryCode.of("NZ"),
                "http://127.0.0.1:" + FreePorts.next() + "/registry", "http://127.0.0.1:" + FreePorts.next() + "/itl",
                new SigningSettings(TestPki.credential("NZ"), TrustSettings.of(TestPki.ca().certificate(),
                        TestPki::currentCrls)),
                DatabaseSettings.external(TestDatabase.jdbcUrl(), "postgres", "").withSchema(schema), "127.0.0.1", 0,
                Duration.ofSeconds(10), Duration.ofHours(24), false, List.of(), null, TOKEN)
                .withEvidenceCheckpointEvery(Duration.ofMinutes(30)), clock);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void aTransactionsTrailShowsItsRecordsTheArchivesVerdictAndTheCheckpointCoveringIt() throws Exception {
        append("NZ1001", EvidenceKind.STATUS_CHANGE, null, null);
        append("NZ1001", EvidenceKind.MESSAGE_SENT, "LOG_ACCEPT_PROPOSAL", "ITL");
        append("NZ1002", EvidenceKind.STATUS_CHANGE, null, null);

        JsonNode uncovered = json(get("/transactions/NZ1001/evidence"), 200);
        HttpResponse<String> taken = post("/evidence/checkpoints");
        HttpResponse<String> again = post("/evidence/checkpoints");
        JsonNode covered = json(get("/transactions/NZ1001/evidence"), 200);

        assertEquals("NZ1001", uncovered.path("transaction").asText());
        assertEquals(List.of(1L, 2L), sequences(uncovered));
        assertEquals("MESSAGE_SENT", uncovered.path("records").get(1).path("kind").asText());
        assertEquals("ITL", uncovered.path("records").get(1).path("peer").asText());
        assertEquals(64, uncovered.path("records").get(1).path("recordSha256").asText().length());
        assertTrue(uncovered.path("verdict").path("intact").asBoolean(), uncovered.toString());
        assertTrue(uncovered.path("checkpoint").isMissingNode(), "no checkpoint covers it yet: " + uncovered);
        JsonNode checkpoint = json(taken, 201);
        assertEquals(3, checkpoint.path("sequence").asLong());
        assertEquals("NZ", checkpoint.path("node").asText());
        assertEquals(START.toString(), Instant.parse(checkpoint.path("signedAt").asText()).toString());
        assertEquals(checkpoint, json(again, 200), "the head did not move: the last checkpoint");
        assertEquals(checkpoint, covered.path("checkpoint"));
        assertEquals(1, covered.path("verdict").path("checkpointsChecked").asLong());
    }

    @Test
    void aTrailOfATamperedArchiveSaysWhichRecordIsBroken() throws Exception {
        append("NZ1001", EvidenceKind.STATUS_CHANGE, null, null);
        append("NZ1001", EvidenceKind.MESSAGE_SENT, "LOG_ACCEPT_PROPOSAL", "ITL");
        TestDatabase.execute(schema, "update evidence_record set peer = 'CDM' where sequence = 2");

        JsonNode verdict = json(get("/transactions/NZ1001/evidence"), 200).path("verdict");

        assertFalse(verdict.path("intact").asBoolean());
        assertEquals(2, verdict.path("brokenAt").asLong());
        assertEquals("FIELDS", verdict.path("fault").asText());
        assertTrue(verdict.path("summary").asText().startsWith("BROKEN at record 2"), verdict.toString());
    }

    @Test
    void anEmptyArchiveHasNoHeadToSignAndAnUnknownTransactionNoTrail() throws Exception {
        HttpResponse<String> empty = post("/evidence/checkpoints");
        assertEquals(409, empty.statusCode(), empty.body());
        assertTrue(empty.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(empty.body().contains("no head to sign"), empty.body());

        assertEquals(404, get("/transactions/NZ9999/evidence").statusCode());
        assertEquals(400, get("/transactions/not-an-id/evidence").statusCode());
    }

    @Test
    void theGatewaysDutiesSignTheHeadWhenThePeriodHasPassedAndTheHeadMoved() throws Exception {
        append("NZ1001", EvidenceKind.STATUS_CHANGE, null, null);
        gateway.runOnce();
        long first = lastCheckpoint();

        append("NZ1001", EvidenceKind.MESSAGE_SENT, "LOG_ACCEPT_PROPOSAL", "ITL");
        clock.advance(Duration.ofMinutes(10));
        gateway.runOnce();
        long notYetDue = lastCheckpoint();
        clock.advance(Duration.ofMinutes(25));
        gateway.runOnce();

        assertEquals(1, first, "the first round signs the head");
        assertEquals(1, notYetDue, "ten minutes of a thirty-minute period");
        assertEquals(2, lastCheckpoint());
    }

    private long lastCheckpoint() {
        return TestDatabase.count(schema, "select coalesce(max(sequence), 0) from evidence_checkpoint");
    }

    private void append(String subject, EvidenceKind kind, String operation, String peer) {
        new DatabaseTransactor(gateway.stores().database()).inTransaction(connection -> EvidenceArchive.append(
                connection, kind, clock.instant(), operation, subject, peer,
                (kind + " " + subject).getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Long> sequences(JsonNode trail) {
        List<Long> sequences = new ArrayList<>();
        trail.path("records").forEach(record -> sequences.add(record.path("sequence").asLong()));
        return sequences;
    }

    private static JsonNode json(HttpResponse<String> answer, int status) throws Exception {
        assertEquals(status, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.operatorAddress() + path))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.operatorAddress() + path))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
