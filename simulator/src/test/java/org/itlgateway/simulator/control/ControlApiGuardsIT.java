package org.itlgateway.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.TestNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The testers' control API against what a web page in a browser on the same machine, a careless client or one that
 * never finishes its request could do to it: real HTTP and raw sockets, on the shared simulated network.
 */
class ControlApiGuardsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Network network;
    private static ControlApi control;
    private static int port;

    @BeforeAll
    static void start() {
        network = TestNetwork.get();
        control = ControlApi.start(network, "127.0.0.1", 0);
        port = URI.create(control.address()).getPort();
    }

    @AfterAll
    static void stop() {
        control.close();
    }

    @Test
    @Timeout(60) // a failure guard only: the answer comes at once, or never on a server that slow clients block
    void clientsThatStopHalfWayThroughTheirRequestsDoNotKeepAnotherRequestWaiting() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                stalled.add(stall("GET /network HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: appl"));
                stalled.add(stall("POST /clock HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"advance\":"));
            }
            HttpResponse<String> answer = HTTP.send(request("/clock").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void aBodyOverOneMegabyteIsRefused413() throws Exception {
        // Only the headers are sent: the refusal comes before any of the declared body is read (a client writing the
        // body meanwhile may see the closed connection before the answer, so the test does not write it)
        String answer = raw("POST /clock HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json"
                + "\r\nContent-Length: " + ((1 << 20) + 1) + "\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("\"detail\""), answer);
    }

    @Test
    void aJournalLimitOverAThousandIsRefused() throws Exception {
        HttpResponse<String> huge = HTTP.send(request("/journal?limit=100000000").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, huge.statusCode(), huge.body());
        assertTrue(huge.body().contains("1000"), huge.body());
        HttpResponse<String> fine = HTTP.send(request("/journal?limit=1000").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, fine.statusCode(), fine.body());
    }

    @Test
    void aRequestThatCannotBeReadIsAnsweredWithoutTheTextOfAnyException() throws Exception {
        for (String[] call : new String[][] {{"/faults/ITL", "PUT", "{\"kind\":\"NOPE\"}"}, {"/clock", "POST", "{\"set\":\"soon\"}"},
                {"/clock", "POST", "{not json"}, {"/journal/abc", "GET", null}}) {
            HttpRequest.Builder builder = request(call[0]);
            if (call[2] != null) {
                builder.header("Content-Type", "application/json").method(call[1], HttpRequest.BodyPublishers.ofString(call[2]));
            }
            HttpResponse<String> answer = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, answer.statusCode(), String.join(" ", call) + ": " + answer.body());
            for (String leak : List.of("org.itlgateway", "No enum constant", "For input string", "could not be parsed",
                    "Unexpected character", "Exception")) {
                assertFalse(answer.body().contains(leak), String.join(" ", call) + ": " + answer.body());
            }
        }
    }

    @Test
    void aBodyWithAnUnknownFieldOrAValueOfTheWrongTypeIsRefused400AsProblemJsonNamingTheField() throws Exception {
        for (String[] call : new String[][] {{"{\"kidn\":\"TIMEOUT\"}", "kidn"}, {"{\"kind\":\"TIMEOUT\",\"millis\":\"long\"}", "millis"},
                {"{\"kind\":\"SOMETIMES\"}", "kind"}}) {
            HttpResponse<String> answer = HTTP.send(request("/faults/ITL").header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(call[0])).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, answer.statusCode(), call[0] + ": " + answer.body());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    answer.headers().toString());
            assertTrue(answer.body().contains("\"field\" : \"" + call[1] + "\""), call[0] + ": " + answer.body());
        }
        assertTrue(network.faults().all().isEmpty(), "no fault was set");
    }

    @Test
    void aWrongMethodIsAnswered405AndAnUnknownPath404AsProblemJson() throws Exception {
        HttpResponse<String> wrong = HTTP.send(request("/notices").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, wrong.statusCode(), wrong.body());
        assertTrue(wrong.headers().firstValue("Allow").orElse("").contains("POST"), wrong.headers().toString());
        HttpResponse<String> unknown = HTTP.send(request("/nowhere").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertTrue(unknown.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void aChangeWithoutJsonContentTypeIsRefused415AndTheClockStays() throws Exception {
        Instant before = network.clock().instant();
        HttpResponse<String> answer = HTTP.send(request("/clock").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"advance\":\"P400D\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, answer.statusCode(), answer.body());
        assertTrue(network.clock().instant().isBefore(before.plus(Duration.ofDays(399))), "the clock did not move");
    }

    @Test
    void aRequestFromAnotherOriginOrAddressedToAnotherHostNameIsRefused() throws Exception {
        HttpResponse<String> foreign = HTTP.send(request("/faults/ITL").header("Origin", "http://evil.example")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"kind\":\"REFUSE_ALL\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, foreign.statusCode(), foreign.body());
        assertTrue(network.faults().all().isEmpty(), "no fault was set");

        String rebound = raw("GET /network HTTP/1.1\r\nHost: rebound.example:" + port + "\r\nConnection: close\r\n\r\n");
        assertTrue(rebound.startsWith("HTTP/1.1 421"), rebound);
        assertFalse(rebound.contains("wsdl"), rebound);
    }

    @Test
    void overTlsTheControlApiAnswersAClientThatTrustsTheNetworksCa() throws Exception {
        var credential = network.ca().issueServerCertificate("ITL", org.itlgateway.gateway.pki.KeyAlgorithm.EC_P256,
                Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(30), List.of());
        try (ControlApi tls = ControlApi.start(network, "127.0.0.1", 0, credential)) {
            java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", network.ca().certificate());
            javax.net.ssl.TrustManagerFactory factory = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            assertTrue(tls.address().startsWith("https://"), tls.address());
            HttpResponse<String> answer = HttpClient.newBuilder().sslContext(context).build().send(
                    HttpRequest.newBuilder(URI.create(tls.address() + "/clock")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"now\""), answer.body());
        }
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(control.address() + path));
    }

    private static Socket stall(String start) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(start.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
