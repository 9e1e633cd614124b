package org.itlgateway.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The console of an operator API that speaks TLS: its session cookie is sent over TLS only ({@code Secure}), and its
 * forms are taken from its own https origin only, not from the same host over plain http.
 */
class ConsoleOverTlsTest {

    private static final String TOKEN = "console-tls-token";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static RegistryGateway gateway;
    private static HttpClient https;

    @BeforeAll
    static void start() throws Exception {
        var serverCredential = TestPki.ca().issueServerCertificate("NZ", KeyAlgorithm.EC_P256,
                Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(30), List.of());
        gateway = RegistryGateway.start(new RegistryGateway.Settings(RegistryCode.of("NZ"),
                "http://127.0.0.1:" + FreePorts.next() + "/registry", "http://127.0.0.1:" + FreePorts.next() + "/itl",
                new SigningSettings(TestPki.credential("NZ"), TrustSettings.of(TestPki.ca().certificate(), TestPki::currentCrls)),
                DatabaseSettings.external(TestDatabase.jdbcUrl(), "postgres", "").withSchema(TestDatabase.freshSchemaName()),
                "127.0.0.1", 0, Duration.ofSeconds(10), Duration.ofHours(24), false, List.of(), null, TOKEN)
                .withOperatorTls(serverCredential), new MutableClock(Instant.parse("2016-09-01T09:00:00Z")));
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
    void theSessionCookieIsSecureAndFormsAreTakenFromTheHttpsOriginOnly() throws Exception {
        HttpResponse<String> opened = post("/console/login", "token=" + TOKEN, null, null);
        assertEquals(303, opened.statusCode(), opened.body());
        String cookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("; Secure"), cookie);
        String session = cookie.substring(0, cookie.indexOf(';'));
        Matcher token = CSRF.matcher(https.send(HttpRequest.newBuilder(URI.create(gateway.operatorAddress()
                + "/console/dead-letters")).header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertTrue(token.find());
        String plainOrigin = gateway.operatorAddress().replace("https://", "http://");

        HttpResponse<String> fromPlainHttp = post("/console/logout", "csrf=" + token.group(1), session, plainOrigin);
        HttpResponse<String> fromItsOwnOrigin = post("/console/logout", "csrf=" + token.group(1), session,
                gateway.operatorAddress());

        assertEquals(403, fromPlainHttp.statusCode(), fromPlainHttp.body());
        assertEquals(303, fromItsOwnOrigin.statusCode(), fromItsOwnOrigin.body());
    }

    private static HttpResponse<String> post(String path, String body, String cookie, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.operatorAddress() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return https.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
