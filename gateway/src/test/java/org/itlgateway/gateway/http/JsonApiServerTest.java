package org.itlgateway.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.pki.KeyAlgorithm;
import org.itlgateway.gateway.support.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON APIs' HTTP stack (JAX-RS on CXF's Jetty) with a small resource: how it reads bodies into records and
 * answers every error as problem+json, over real HTTP, raw sockets and TLS.
 */
class JsonApiServerTest {

    private static final int LIMIT = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static JsonApiServer server;

    /** A resource of the test: greetings are records that check themselves. */
    @Path("/")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Greetings {

        /** A greeting: a name, and how many times (1 or more). */
        public record Greeting(String name, long times) {
            public Greeting {
                if (name == null || name.isBlank()) {
                    throw new InvalidField("name", "name is required");
                }
                if (times < 1) {
                    throw new InvalidField("times", "times must be 1 or more, not " + times);
                }
            }
        }

        @POST
        @Path("greetings")
        @Consumes(MediaType.APPLICATION_JSON)
        public Greeting greet(Greeting greeting) {
            return greeting;
        }

        @GET
        @Path("greetings")
        public List<Greeting> greetings() {
            return List.of(new Greeting("world", 1));
        }

        @GET
        @Path("greetings/{name}")
        public java.util.Map<String, Greeting> byName(@jakarta.ws.rs.PathParam("name") String name) {
            throw Problem.of(404, "no greeting " + name).exception();
        }

        @GET
        @Path("failure")
        public Greeting failure() {
            throw new IllegalStateException("org.itlgateway internals nobody outside should read");
        }
    }

    @BeforeAll
    static void start() {
        server = start(FreePorts.next(), null);
    }

    private static JsonApiServer start(int port, Credential tls) {
        return JsonApiServer.start(new JsonApiServer.Api("test-api", "Test API", "see the test", JSON,
                List.of(new Greetings()), List.of()), "127.0.0.1", port,
                new JsonApiServer.Limits(LIMIT, Duration.ofSeconds(10), 8), tls);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aBodyIsReadIntoItsRecordAndAnsweredAsJson() throws Exception {
        HttpResponse<String> answer = post("/greetings", "{\"name\": \"Kyoto\", \"times\": 3}");
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("Kyoto", JSON.readTree(answer.body()).path("name").asText());
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void anUnknownFieldIsRefusedWith400NamingTheField() throws Exception {
        JsonNode problem = problem(post("/greetings", "{\"name\": \"Kyoto\", \"times\": 3, \"tiems\": 4}"), 400);
        assertEquals("tiems", problem.path("field").asText(), problem.toString());
        assertTrue(problem.path("detail").asText().contains("tiems is not a field here"), problem.toString());
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedWith400NamingTheField() throws Exception {
        JsonNode problem = problem(post("/greetings", "{\"name\": \"Kyoto\", \"times\": \"often\"}"), 400);
        assertEquals("times", problem.path("field").asText(), problem.toString());
        assertTrue(problem.path("detail").asText().contains("a whole number"), problem.toString());
    }

    @Test
    void aMissingOrRefusedFieldIsRefusedWith400InTheRecordsOwnWords() throws Exception {
        JsonNode missing = problem(post("/greetings", "{\"times\": 3}"), 400);
        assertEquals("name", missing.path("field").asText(), missing.toString());
        assertEquals("name is required", missing.path("detail").asText());

        JsonNode zero = problem(post("/greetings", "{\"name\": \"Kyoto\", \"times\": 0}"), 400);
        assertEquals("times", zero.path("field").asText(), zero.toString());
        assertTrue(zero.path("detail").asText().contains("1 or more"), zero.toString());
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWith400WithoutTheParsersText() throws Exception {
        HttpResponse<String> answer = post("/greetings", "{\"name\": ");
        JsonNode problem = problem(answer, 400);
        assertTrue(problem.path("detail").asText().contains("not valid JSON"), problem.toString());
        assertFalse(answer.body().contains("Exception") || answer.body().contains("com.fasterxml"), answer.body());
    }

    @Test
    void anUnknownPathIsAnswered404AsProblemJson() throws Exception {
        JsonNode problem = problem(get("/nowhere"), 404);
        assertTrue(problem.path("detail").asText().contains("/nowhere"), problem.toString());
        assertEquals("about:blank", problem.path("type").asText());
        assertEquals("Not Found", problem.path("title").asText());
    }

    @Test
    void aProblemOfARouteThatAnswersAMapIsWrittenAsAProblemNotAsTheMapsValues() throws Exception {
        JsonNode problem = problem(get("/greetings/nobody"), 404);
        assertEquals("no greeting nobody", problem.path("detail").asText(), problem.toString());
    }

    @Test
    void aWrongMethodIsAnswered405WithTheMethodsThePathTakes() throws Exception {
        HttpResponse<String> answer = HTTP.send(request("/greetings").DELETE().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode problem = problem(answer, 405);
        assertTrue(answer.headers().firstValue("Allow").orElse("").contains("POST"), answer.headers().toString());
        assertTrue(problem.path("detail").asText().contains("DELETE"), problem.toString());
    }

    @Test
    void aBodyThatDoesNotSayItIsJsonIsRefused415() throws Exception {
        HttpResponse<String> answer = HTTP.send(request("/greetings").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Kyoto\", \"times\": 3}")).build(),
                HttpResponse.BodyHandlers.ofString());
        problem(answer, 415);
    }

    @Test
    void anOverSizeBodyIsRefusedWith413AsProblemJsonWhetherDeclaredOrChunked() throws Exception {
        String declared = raw("POST /greetings HTTP/1.1\r\nHost: 127.0.0.1:" + port() + "\r\nContent-Type: application/json"
                + "\r\nContent-Length: " + (LIMIT + 1) + "\r\nConnection: close\r\n\r\n");
        assertTrue(declared.startsWith("HTTP/1.1 413"), declared);
        assertTrue(declared.contains("application/problem+json") && declared.contains("\"detail\""), declared);

        byte[] large = new byte[LIMIT + 10];
        java.util.Arrays.fill(large, (byte) ' ');
        HttpResponse<String> chunked = HTTP.send(request("/greetings").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large))).build(),
                HttpResponse.BodyHandlers.ofString());
        problem(chunked, 413);
    }

    @Test
    void aRequestAddressedToAnotherHostNameIsRefused421AndOneFromAnotherOrigin403() throws Exception {
        String rebound = raw("GET /greetings HTTP/1.1\r\nHost: rebound.example:" + port() + "\r\nConnection: close\r\n\r\n");
        assertTrue(rebound.startsWith("HTTP/1.1 421"), rebound);
        assertTrue(rebound.contains("application/problem+json") && !rebound.contains("world"), rebound);

        problem(HTTP.send(request("/greetings").header("Origin", "http://evil.example").build(),
                HttpResponse.BodyHandlers.ofString()), 403);
    }

    @Test
    void anUnexpectedFailureIsAnswered500WithASentenceNeverTheExceptionsText() throws Exception {
        HttpResponse<String> answer = get("/failure");
        JsonNode problem = problem(answer, 500);
        assertFalse(problem.path("detail").asText().isBlank());
        assertFalse(answer.body().contains("internals") || answer.body().contains("IllegalState"), answer.body());
    }

    @Test
    void headersOverTheCapAreAnswered431AsProblemJson() throws Exception {
        String oversized = raw("GET /greetings HTTP/1.1\r\nHost: 127.0.0.1:" + port() + "\r\nX-Filler: "
                + "x".repeat(20_000) + "\r\nConnection: close\r\n\r\n");
        assertTrue(oversized.startsWith("HTTP/1.1 431"), oversized);
        assertTrue(oversized.contains("application/problem+json") && oversized.contains("could not be read"), oversized);
        assertFalse(oversized.contains("<html"), oversized);
    }

    @Test
    void theApiServesItsOpenApiDocument() throws Exception {
        HttpResponse<String> answer = get("/openapi.json");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode document = JSON.readTree(answer.body());
        assertEquals("3.0.3", document.path("openapi").asText());
        assertTrue(document.path("paths").path("/greetings").has("post"), answer.body());
        assertEquals("#/components/schemas/Greeting", document.path("paths").path("/greetings").path("post")
                .path("requestBody").path("content").path("application/json").path("schema").path("$ref").asText());
        assertTrue(document.path("components").path("schemas").path("Greeting").path("properties").has("times"));
        assertTrue(document.path("components").path("schemas").has("Problem"));
    }

    @Test
    void overTlsTheApiAnswersAClientThatTrustsTheTestCa() throws Exception {
        Credential serverCredential = TestPki.ca().issueServerCertificate("NZ", KeyAlgorithm.EC_P256,
                Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(30), List.of());
        try (JsonApiServer tls = start(FreePorts.next(), serverCredential)) {
            assertTrue(tls.url().startsWith("https://127.0.0.1:"), tls.url());
            HttpClient client = HttpClient.newBuilder().sslContext(trusting()).connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(tls.url() + "/greetings")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("world"), answer.body());

            HttpResponse<String> ownOrigin = client.send(HttpRequest.newBuilder(URI.create(tls.url() + "/greetings"))
                    .header("Origin", tls.url()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ownOrigin.statusCode(), ownOrigin.body());
        }
    }

    @Test
    void aClosedApiFreesItsPortForTheNextOne() throws Exception {
        int port = FreePorts.next();
        start(port, null).close();
        try (JsonApiServer again = start(port, null)) {
            assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(again.url() + "/greetings")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    private static SSLContext trusting() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", TestPki.ca().certificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static JsonNode problem(HttpResponse<String> answer, int status) throws IOException {
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                answer.headers().toString());
        JsonNode problem = JSON.readTree(answer.body());
        assertEquals(status, problem.path("status").asInt(), answer.body());
        assertFalse(problem.path("type").asText().isBlank(), answer.body());
        assertFalse(problem.path("title").asText().isBlank(), answer.body());
        return problem;
    }

    private static int port() {
        return server.address().getPort();
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.url() + path));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
