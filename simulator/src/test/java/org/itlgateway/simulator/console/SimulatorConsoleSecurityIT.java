package org.itlgateway.simulator.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.ControlledNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator's console keeps the control API's rules over real HTTP: every page needs a session (signing in takes
 * no token, as the control API takes none); every form must carry the session's CSRF token and is refused 403
 * without it, or from another origin, with nothing done; the JSON API is unchanged beside it; every page answers 200
 * with its security headers.
 */
class SimulatorConsoleSecurityIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static ControlledNetwork controlled;
    private static Network network;

    @BeforeAll
    static void startTheNetwork() {
        controlled = ControlledNetwork.start();
        network = controlled.network();
    }

    @AfterAll
    static void stop() {
        controlled.close();
    }

    @Test
    void aPageWithoutASessionSendsTheBrowserToSignIn() throws Exception {
        HttpResponse<String> page = get("/console/journal", null);

        assertEquals(303, page.statusCode());
        assertEquals("/console/login", page.headers().firstValue("Location").orElse(""));
    }

    @Test
    void signingInOpensASessionInAStrictHttpOnlyCookieOnTheConsolesPath() throws Exception {
        HttpResponse<String> opened = form("/console/login", "", null, null);

        assertEquals(303, opened.statusCode(), opened.body());
        String cookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("itl-console=") && cookie.contains("; Path=/console;") && cookie.contains("; HttpOnly")
                && cookie.contains("SameSite=Strict"), cookie);
        assertEquals(200, get("/console/journal", session(opened)).statusCode());
    }

    @Test
    void aFormWithoutTheSessionsCsrfTokenOrWithAnotherIsRefused403AndTheClockStays() throws Exception {
        String session = signIn();
        Instant before = network.clock().instant();

        HttpResponse<String> without = form("/console/clock", "action=advance&by=P1D", session, null);
        HttpResponse<String> wrong = form("/console/clock", "action=advance&by=P1D&csrf=guessed", session, null);
        HttpResponse<String> anotherSessions = form("/console/clock", "action=advance&by=P1D&csrf=" + csrf(signIn()),
                session, null);

        assertEquals(403, without.statusCode(), without.body());
        assertEquals(403, wrong.statusCode(), wrong.body());
        assertEquals(403, anotherSessions.statusCode(), anotherSessions.body());
        assertTrue(without.body().contains("Nothing was done"), without.body());
        assertEquals(before, network.clock().instant());
    }

    @Test
    void aFormWithoutASessionIsRefused403() throws Exception {
        HttpResponse<String> refused = form("/console/faults/rules", "node=JP&direction=RECEIVES&kind=DROP&csrf=x", null,
                null);

        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(network.faults().rules().all().isEmpty());
    }

    @Test
    void aFormPostedFromAnotherOriginIsRefused403EvenWithTheSessionAndItsToken() throws Exception {
        String session = signIn();
        Instant before = network.clock().instant();

        HttpResponse<String> refused = form("/console/clock", "action=advance&by=P1D&csrf=" + csrf(session), session,
                "http://attacker.example");

        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals(before, network.clock().instant());
    }

    @Test
    void aFormWithTheSessionsTokenFromTheConsolesOwnOriginDoesWhatItSays() throws Exception {
        String session = signIn();
        Instant before = network.clock().instant();

        HttpResponse<String> advanced = form("/console/clock", "action=advance&by=PT1H&csrf=" + csrf(session), session,
                controlled.controlAddress());

        assertEquals(303, advanced.statusCode(), advanced.body());
        assertEquals("/console/clock", advanced.headers().firstValue("Location").orElse(""));
        assertEquals(before.plusSeconds(3600), network.clock().instant());
    }

    @Test
    void whatAFormCannotDoIsAnsweredWithTheReasonAndNothingIsDone() throws Exception {
        String session = signIn();
        Instant before = network.clock().instant();

        HttpResponse<String> refused = form("/console/clock", "action=set&time=yesterday&csrf=" + csrf(session), session,
                null);

        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("time is a time such as 2015-06-15T09:00:00Z, not yesterday"), refused.body());
        assertEquals(before, network.clock().instant());
    }

    @Test
    void theControlApiKeepsItsRulesBesideTheConsole() throws Exception {
        String session = signIn();

        HttpResponse<String> json = get("/clock", session);
        HttpResponse<String> formToTheApi = HTTP.send(HttpRequest.newBuilder(URI.create(controlled.controlAddress()
                        + "/clock")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("advance=P1D")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, json.statusCode());
        assertTrue(json.body().contains("\"now\""), json.body());
        assertEquals(415, formToTheApi.statusCode(), "a form post is taken on the console's paths only");
    }

    @Test
    void everyConsolePageAnswers200WithItsSecurityHeaders() throws Exception {
        String session = signIn();

        for (String path : new String[] {"/console/", "/console/clock", "/console/faults", "/console/journal",
                "/console/journal?node=ITL&direction=SENT&operation=acceptNotification", "/console/reconciliations",
                "/console/reconciliations?registry=CDM", "/console/notices", "/console/certificates",
                "/console/static/console.css", "/console/static/console.js"}) {
            HttpResponse<String> page = get(path, session);
            assertEquals(200, page.statusCode(), path + ": " + page.body());
            String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("default-src 'self'") && policy.contains("script-src 'self'")
                    && !policy.contains("unsafe-inline"), path + ": " + policy);
            assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""), path);
            assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""), path);
            if (!path.contains("/static/")) {
                assertFalse(page.body().contains("<script>"), path + ": no inline script");
                Matcher posts = Pattern.compile("<form method=\"post\"[^>]*>(.*?)</form>", Pattern.DOTALL)
                        .matcher(page.body());
                while (posts.find()) {
                    assertTrue(posts.group(1).contains("name=\"csrf\""), path + ": every form carries the token: "
                            + posts.group());
                }
            }
        }
    }

    @Test
    void aPageOfSomethingUnknownAnswers404WithTheReason() throws Exception {
        String session = signIn();

        HttpResponse<String> entry = get("/console/journal/999999", session);
        HttpResponse<String> transaction = get("/console/transactions/CDM999999", session);

        assertEquals(404, entry.statusCode());
        assertTrue(entry.body().contains("there is no journal entry 999999"), entry.body());
        assertEquals(404, transaction.statusCode());
        assertTrue(transaction.body().contains("no node of the network records transaction CDM999999"),
                transaction.body());
    }

    private static String signIn() throws Exception {
        return session(form("/console/login", "", null, null));
    }

    private static String session(HttpResponse<String> signedIn) {
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private static String csrf(String session) throws Exception {
        Matcher token = CSRF.matcher(get("/console/clock", session).body());
        assertTrue(token.find(), "the page carries the session's CSRF token");
        return token.group(1);
    }

    private static HttpResponse<String> get(String path, String session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(controlled.controlAddress() + path)).GET();
        if (session != null) {
            request.header("Cookie", session);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> form(String path, String body, String session, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(controlled.controlAddress() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Cookie", session);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
