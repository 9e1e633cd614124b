package org.itlgateway.gateway.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
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
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.gateway.support.MutableClock;
import org.itlgateway.gateway.support.TestDatabase;
import org.itlgateway.gateway.support.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A registry gateway's operator API against what a web page in the operator's browser, or a client that never
 * finishes its request, could do to it: over real HTTP and raw sockets, on a gateway with its own database.
 */
class OperatorApiGuardsTest {

    private static final String TOKEN = "operator-guards-test-token";
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-03-14T09:31:00Z"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static RegistryGateway gateway;
    private static int port;

    @BeforeAll
    static void start() {
        gateway = RegistryGateway.start(settings("127.0.0.1", "nz_guards"), CLOCK);
        port = URI.create(gateway.operatorAddress()).getPort();
    }

    private static RegistryGateway.Settings settings(String operatorHost, String schema) {
        return new RegistryGateway.Settings(RegistryCode.of("NZ"), "http://127.0.0.1:" + FreePorts.next() + "/registry",
                "http://127.0.0.1:" + FreePorts.next() + "/itl",
                new SigningSettings(TestPki.credential("NZ"), TrustSettings.of(TestPki.ca().certificate(), TestPki::currentCrls)),
                DatabaseSettings.external(TestDatabase.jdbcUrl(), "postgres", "").withSchema(schema), operatorHost, 0,
                Duration.ofSeconds(10), Duration.ofHours(24), false, List.of(), null, TOKEN);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    @Timeout(60) // a failure guard only: the answer comes at once, or never on a server that slow clients block
    void clientsThatStopHalfWayThroughTheirRequestsDoNotKeepAnotherRequestWaiting() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                stalled.add(stall("GET /registry HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: appl"));
                stalled.add(stall("POST /accounts HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + TOKEN
                        + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"type\":120,"));
            }
            HttpResponse<String> answer = HTTP.send(authorised("/registry").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void aChangeThatDoesNotSayItSendsJsonIsRefused415AndChangesNothing() throws Exception {
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            HttpResponse<String> answer = HTTP.send(authorised("/accounts").header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":120,\"identifier\":91,\"holder\":\"page\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(415, answer.statusCode(), type + ": " + answer.body());
            assertTrue(answer.body().contains("\"detail\"") && answer.body().contains("application/json"), answer.body());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    answer.headers().toString());
        }
        assertEquals(0L, TestDatabase.count("nz_guards", "select count(*) from accounts where identifier = 91"));

        HttpResponse<String> json = HTTP.send(authorised("/accounts").header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":120,\"identifier\":92,\"holder\":\"operator\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, json.statusCode(), json.body());
    }

    @Test
    void aBodyWithAnUnknownFieldAWrongTypeOrAMissingFieldIsRefused400AsProblemJsonNamingTheField() throws Exception {
        HttpResponse<String> misspelt = postJson("/accounts", "{\"type\":120,\"identifier\":94,\"holdr\":\"x\"}");
        assertProblem(misspelt, 400, "holdr");

        HttpResponse<String> wrongType = postJson("/transactions", "{\"kind\":\"INTERNAL_TRANSFER\","
                + "\"transferringAccount\":\"NZ-120-1-0\",\"acquiringAccount\":\"NZ-120-2-0\",\"blocks\":[{\"start\":1,"
                + "\"end\":\"many\",\"unitType\":\"AAU\",\"originalPeriod\":2}]}");
        assertProblem(wrongType, 400, "blocks[0].end");

        HttpResponse<String> missing = postJson("/transactions", "{\"kind\":\"INTERNAL_TRANSFER\","
                + "\"transferringAccount\":\"NZ-120-1-0\",\"acquiringAccount\":\"NZ-120-2-0\",\"blocks\":[{\"start\":1,"
                + "\"end\":5,\"originalPeriod\":2}]}");
        assertProblem(missing, 400, "blocks[0].unitType");

        HttpResponse<String> badCode = postJson("/accounts", "{\"type\":\"NO_SUCH_TYPE\",\"identifier\":95,\"holder\":\"x\"}");
        assertProblem(badCode, 400, "type");
        assertEquals(0L, TestDatabase.count("nz_guards", "select count(*) from accounts where identifier in (94, 95)"));
    }

    private static HttpResponse<String> postJson(String path, String body) throws Exception {
        return HTTP.send(authorised(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String field) throws Exception {
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                answer.headers().toString());
        com.fasterxml.jackson.databind.JsonNode problem = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body());
        assertEquals(status, problem.path("status").asInt(), answer.body());
        assertEquals(field, problem.path("field").asText(), answer.body());
        assertTrue(problem.path("detail").asText().contains(field), answer.body());
        assertFalse(answer.body().contains("Exception") || answer.body().contains("com.fasterxml"), answer.body());
    }

    @Test
    void aRequestFromAnotherOriginIsRefused403AndOneFromTheApisOwnOriginIsAnswered() throws Exception {
        HttpResponse<String> foreign = HTTP.send(authorised("/accounts").header("Origin", "http://evil.example")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":120,\"identifier\":93,\"holder\":\"page\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, foreign.statusCode(), foreign.body());
        assertTrue(foreign.body().contains("\"detail\""), foreign.body());
        assertEquals(0L, TestDatabase.count("nz_guards", "select count(*) from accounts where identifier = 93"));

        HttpResponse<String> otherPort = HTTP.send(authorised("/registry").header("Origin", "http://127.0.0.1:" + (port + 1))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, otherPort.statusCode(), otherPort.body());

        HttpResponse<String> own = HTTP.send(authorised("/registry").header("Origin", "http://127.0.0.1:" + port).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, own.statusCode(), own.body());
    }

    @Test
    void aRequestAddressedToAnotherHostNameIsRefused421AsDnsRebindingWouldSendIt() throws Exception {
        String rebound = raw("GET /registry HTTP/1.1\r\nHost: attacker.example:" + port + "\r\nAuthorization: Bearer "
                + TOKEN + "\r\nConnection: close\r\n\r\n");
        assertTrue(rebound.startsWith("HTTP/1.1 421"), rebound);
        assertTrue(rebound.contains("\"detail\""), rebound);
        assertFalse(rebound.contains("\"code\" : \"NZ\"") || rebound.contains("\"code\":\"NZ\""), rebound);

        for (String host : List.of("localhost:" + port, "127.0.0.1:" + port)) {
            String ours = raw("GET /registry HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nConnection: close\r\n\r\n");
            assertTrue(ours.startsWith("HTTP/1.1 200"), ours);
        }
    }

    @Test
    void aBodyOverTheLimitIsRefused413WhetherItsLengthIsDeclaredOrItComesInChunks() throws Exception {
        // Only the headers are sent: the refusal comes before any of the declared body is read (a client writing the
        // body meanwhile may see the closed connection before the answer, so the test does not write it)
        String declared = raw("POST /accounts HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: " + (OperatorApi.MAX_BODY_BYTES + 10)
                + "\r\nConnection: close\r\n\r\n");
        assertTrue(declared.startsWith("HTTP/1.1 413"), declared);

        byte[] large = new byte[OperatorApi.MAX_BODY_BYTES + 10];
        java.util.Arrays.fill(large, (byte) ' ');

        HttpResponse<String> chunked = HTTP.send(authorised("/accounts").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), chunked.body());
        assertTrue(chunked.body().contains("\"detail\""), chunked.body());
    }

    @Test
    void aRequestJettyCannotReadIsAnsweredWithAProblemBodyNotTheParsersText() throws Exception {
        String oversized = raw("GET /registry HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Filler: " + "x".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertTrue(oversized.startsWith("HTTP/1.1 431"), oversized);
        assertTrue(oversized.contains("\"detail\"") && oversized.contains("could not be read"), oversized);
        assertFalse(oversized.contains("<html") || oversized.contains("Exception"), oversized);
    }

    @Test
    void anOperatorApiOffTheLoopbackInterfaceIsRefusedAtStartForItHasNoTls() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RegistryGateway.start(settings("0.0.0.0", "nz_guards_open"), CLOCK).close());
        assertTrue(refused.getMessage().contains("loopback") && refused.getMessage().contains("0.0.0.0"),
                refused.getMessage());
    }

    @Test
    void aRegistryGatewayWithoutAnOperatorTokenIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new RegistryGateway.Settings(RegistryCode.of("NZ"), "http://127.0.0.1:1/registry",
                        "http://127.0.0.1:1/itl", new SigningSettings(TestPki.credential("NZ"),
                        TrustSettings.of(TestPki.ca().certificate(), TestPki::currentCrls)),
                        DatabaseSettings.external(TestDatabase.jdbcUrl(), "postgres", "").withSchema("nz_guards"),
                        "127.0.0.1", 0, Duration.ofSeconds(10), Duration.ofHours(24), false, List.of(), null, null));
        assertTrue(refused.getMessage().contains("token"), refused.getMessage());
    }

    private static HttpRequest.Builder authorised(String path) {
        return HttpRequest.newBuilder(URI.create(gateway.operatorAddress() + path)).header("Authorization", "Bearer " + TOKEN);
    }

    /** A connection that sends the start of a request and then nothing more. */
    private static Socket stall(String start) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(start.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** Sends a request as written and answers everything the server sends back until it closes. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
