package org.itlgateway.gateway.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.store.DatabaseSettings;
import org.itlgateway.gateway.app.RegistryGateway;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.pki.KeyAlgorithm;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.gateway.support.MutableClock;
import org.itlgateway.gateway.support.TestDatabase;
import org.itlgateway.gateway.support.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A registry gateway whose operator API speaks TLS with a certificate of the test CA, and the OpenAPI document it
 * serves, which must be the one kept in {@code docs/operator-api.openapi.json}.
 */
class OperatorApiOverTlsTest {

    /** Rewrites the document in docs/ from what the API serves: {@code -Dopenapi.write=true}. */
    static final String WRITE = "openapi.write";
    private static final String TOKEN = "operator-tls-test-token";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-03-14T09:31:00Z"));
    private static RegistryGateway gateway;
    private static HttpClient https;

    @BeforeAll
    static void start() throws Exception {
        var serverCredential = TestPki.ca().issueServerCertificate("NZ", KeyAlgorithm.EC_P256,
                Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(30), List.of());
        gateway = RegistryGateway.start(new RegistryGateway.Settings(RegistryCode.of("NZ"),
                "http://127.0.0.1:" + FreePorts.next() + "/registry", "http://127.0.0.1:" + FreePorts.next() + "/itl",
                new SigningSettings(TestPki.credential("NZ"), TrustSettings.of(TestPki.ca().certificate(), TestPki::currentCrls)),
                DatabaseSettings.external(TestDatabase.jdbcUrl(), "postgres", "").withSchema("nz_operator_tls"), "127.0.0.1",
                FreePorts.next(), Duration.ofSeconds(10), Duration.ofHours(24), false, List.of(), null, TOKEN)
                .withOperatorTls(serverCredential), CLOCK);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", TestPki.ca().certificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        https = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void theOperatorApiAnswersOverHttpsWithACertificateOfTheTestCa() throws Exception {
        assertTrue(gateway.operatorAddress().startsWith("https://127.0.0.1:"), gateway.operatorAddress());
        HttpResponse<String> answer = https.send(HttpRequest.newBuilder(URI.create(gateway.operatorAddress() + "/registry"))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("NZ", JSON.readTree(answer.body()).path("code").asText());

        HttpResponse<String> withoutToken = https.send(HttpRequest.newBuilder(URI.create(gateway.operatorAddress()
                + "/registry")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, withoutToken.statusCode(), withoutToken.body());
        assertTrue(withoutToken.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(withoutToken.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }

    @Test
    void theMetricsRouteAnswersThePrometheusTextFormatOnlyWithTheToken() throws Exception {
        HttpResponse<String> withoutToken = https.send(HttpRequest.newBuilder(URI.create(gateway.operatorAddress()
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, withoutToken.statusCode(), withoutToken.body());
        assertTrue(withoutToken.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        System.gc(); // the gauges keep what they read: a collected reading would answer NaN
        HttpResponse<String> answer = https.send(HttpRequest.newBuilder(URI.create(gateway.operatorAddress() + "/metrics"))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        String type = answer.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("text/plain") && type.contains("version=0.0.4"), type);
        for (String meter : List.of("itl_inbox_waiting{node=\"NZ\"}", "itl_outbox_waiting{node=\"NZ\"}",
                "itl_inbox_oldest_age_seconds{node=\"NZ\"}", "itl_dead_letters{box=\"outbox\",node=\"NZ\"}",
                "itl_transactions{node=\"NZ\",status=\"completed\"}", "hikaricp_connections_max{node=\"NZ\"",
                "jvm_memory_used_bytes{", "jvm_threads_live_threads ", "system_cpu_count ")) {
            assertTrue(answer.body().contains(meter), meter + " in\n" + answer.body());
        }
        assertTrue(answer.body().contains("itl_inbox_waiting{node=\"NZ\"} 0.0\n"), answer.body());

        HttpResponse<String> openMetrics = https.send(HttpRequest.newBuilder(URI.create(gateway.operatorAddress()
                        + "/metrics")).header("Authorization", "Bearer " + TOKEN)
                .header("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, openMetrics.statusCode(), openMetrics.body());
        assertTrue(openMetrics.headers().firstValue("Content-Type").orElse("").startsWith("application/openmetrics-text"),
                openMetrics.headers().toString());
        assertTrue(openMetrics.body().strip().endsWith("# EOF"), openMetrics.body());
    }

    @Test
    void onlyTheCdmRegistrysGatewayHasTheHelpDesk() throws Exception {
        HttpResponse<String> answer = https.send(HttpRequest.newBuilder(URI.create(gateway.operatorAddress()
                + "/help-desk/queries")).header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("CDM Help Desk"), answer.body());
    }

    @Test
    void theServedOpenApiDocumentIsTheOneKeptInDocs() throws Exception {
        HttpResponse<String> answer = https.send(HttpRequest.newBuilder(URI.create(gateway.operatorAddress()
                + "/openapi.json")).header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode served = JSON.readTree(answer.body());
        Path kept = docs().resolve("operator-api.openapi.json");
        if (Boolean.getBoolean(WRITE)) {
            Files.writeString(kept, JSON.writeValueAsString(served) + "\n", StandardCharsets.UTF_8);
        }
        assertEquals(served, Files.exists(kept) ? JSON.readTree(kept.toFile()) : null, kept + " is not the document the "
                + "operator API serves; after changing the API, rewrite it: mvn -pl gateway -am test "
                + "-Dtest=OperatorApiOverTlsTest -Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE + "=true");
    }

    /** The project's docs/ directory, from the module's directory the tests run in. */
    static Path docs() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        return module.toAbsolutePath().getParent().resolve("docs");
    }
}
