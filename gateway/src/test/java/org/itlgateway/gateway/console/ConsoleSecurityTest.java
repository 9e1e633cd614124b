package org.itlgateway.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itlgateway.gateway.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registry console keeps the operator API's rules over real HTTP: a page needs a session opened with the API's
 * token; every form carries the session's CSRF token and is refused 403 without it, or from another origin, with
 * nothing done; the JSON API still needs its bearer token and JSON; every page carries its security headers; and a
 * value is shown escaped, never as markup.
 */
class ConsoleSecurityTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static ConsoleRegistry cdm;

    @BeforeAll
    static void startTheCdmRegistry() {
        cdm = new ConsoleRegistry();
    }

    @AfterAll
    static void stop() {
        cdm.close();
    }

    @Test
    void aPageWithoutASessionSendsTheBrowserToSignIn() throws Exception {
        HttpResponse<String> page = get("/console/transactions", null);

        assertEquals(303, page.statusCode());
        assertEquals("/console/login", page.headers().firstValue("Location").orElse(""),
                "a path alone: the browser stays on the host it asked, whose cookie it holds");
        assertEquals(303, get("/console/transactions", "itl-console=made-up").statusCode(), "an unknown session is none");
    }

    @Test
    void theWrongTokenOpensNoSession() throws Exception {
        HttpResponse<String> refused = form("/console/login", "token=guessed", null, null);

        assertEquals(401, refused.statusCode());
        assertTrue(refused.headers().firstValue("Set-Cookie").isEmpty(), refused.headers()::toString);
        assertTrue(refused.body().contains("not this API&#39;s token"), refused.body());
    }

    @Test
    void signingInWithTheApisTokenOpensASessionInAStrictHttpOnlyCookieOnTheConsolesPath() throws Exception {
        HttpResponse<String> opened = form("/console/login", "token=" + ConsoleRegistry.TOKEN, null, null);

        assertEquals(303, opened.statusCode(), opened.body());
        assertEquals("/console/", location(opened));
        String cookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("itl-console="), cookie);
        assertTrue(cookie.contains("; Path=/console;") && cookie.contains("; HttpOnly") && cookie.contains("SameSite=Strict"),
                cookie);
        assertFalse(cookie.contains("Secure"), "over plain HTTP on loopback the cookie cannot be Secure: " + cookie);
        assertEquals(200, get("/console/transactions", session(opened)).statusCode());
    }

    @Test
    void aFormWithoutTheSessionsCsrfTokenOrWithAnotherIsRefused403AndNothingIsProposed() throws Exception {
        String session = signIn();
        String issue = "form=issue&project=1234&period=2&quantity=100";
        long before = transactions();

        HttpResponse<String> without = form("/console/propose", issue, session, null);
        HttpResponse<String> wrong = form("/console/propose", issue + "&csrf=guessed", session, null);
        HttpResponse<String> anotherSessions = form("/console/propose", issue + "&csrf=" + csrf(signIn()), session, null);

        assertEquals(403, without.statusCode(), without.body());
        assertEquals(403, wrong.statusCode(), wrong.body());
        assertEquals(403, anotherSessions.statusCode(), anotherSessions.body());
        assertTrue(without.body().contains("Nothing was done"), without.body());
        assertEquals(before, transactions());
    }

    @Test
    void aFormWithoutASessionIsRefused403() throws Exception {
        HttpResponse<String> refused = form("/console/propose", "form=issue&csrf=x", null, null);

        assertEquals(403, refused.statusCode(), refused.body());
    }

    @Test
    void aFormPostedFromAnotherOriginIsRefused403EvenWithTheSessionAndItsToken() throws Exception {
        String session = signIn();
        long before = transactions();

        HttpResponse<String> refused = form("/console/propose", "form=issue&project=1234&period=2&quantity=100&csrf="
                + csrf(session), session, "http://attacker.example");

        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals(before, transactions());
    }

    @Test
    void theJsonApiKeepsItsRulesBesideTheConsole() throws Exception {
        String session = signIn();

        HttpResponse<String> withACookie = get("/transactions", session);
        HttpResponse<String> formToTheApi = HTTP.send(HttpRequest.newBuilder(URI.create(cdm.address() + "/accounts"))
                .header("Authorization", "Bearer " + ConsoleRegistry.TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("holder=x&type=120")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> climbingOut = get("/console/../transactions", session);

        assertEquals(401, withACookie.statusCode(), "the console's session is no bearer token");
        assertEquals(415, formToTheApi.statusCode(), "a form post is taken on the console's paths only");
        assertEquals(401, climbingOut.statusCode(), "a path that climbs out of the console is no console path: it is the"
                + " API's, which takes no session: " + climbingOut.body());
    }

    @Test
    void everyConsolePageCarriesItsSecurityHeaders() throws Exception {
        String session = signIn();

        for (String path : new String[] {"/console/", "/console/login", "/console/transactions", "/console/propose",
                "/console/dead-letters", "/console/help-desk", "/console/static/console.js"}) {
            HttpResponse<String> page = get(path, session);
            assertEquals(path.equals("/console/login") ? 303 : 200, page.statusCode(),
                    path + " (a signed-in operator is sent on from the sign-in page)");
            String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("default-src 'self'") && policy.contains("script-src 'self'")
                    && !policy.contains("unsafe-inline"), path + ": " + policy);
            assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""), path);
            assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""), path);
        }
        assertFalse(get("/console/", session).body().contains("<script>"), "no inline script");
    }

    @Test
    void aValueHoldingMarkupIsShownEscaped() throws Exception {
        HttpResponse<String> opened = HTTP.send(HttpRequest.newBuilder(URI.create(cdm.address() + "/accounts"))
                .header("Authorization", "Bearer " + ConsoleRegistry.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\": 120, \"holder\": \"<script>alert('held')</script>\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, opened.statusCode(), opened.body());

        String page = get("/console/", signIn()).body();

        assertTrue(page.contains("&lt;script&gt;alert(&#39;held&#39;)&lt;/script&gt;"), page);
        assertFalse(page.contains("<script>alert"), page);
    }

    @Test
    void aFormWithTheSessionsTokenDoesWhatItSaysAndCancelsATransactionUnderWay() throws Exception {
        String session = signIn();
        HttpResponse<String> proposed = form("/console/propose", "form=issue&project=1234&period=2&quantity=100&csrf="
                + csrf(session), session, cdm.address());
        assertEquals(303, proposed.statusCode(), proposed.body());
        String transaction = location(proposed).substring("/console/transactions/".length());
        String page = get("/console/transactions/" + transaction, session).body();
        assertTrue(page.contains("1 proposed") && page.contains("data-refresh=\"2\""), "under way, the page reloads itself");

        HttpResponse<String> cancelled = form("/console/transactions/" + transaction + "/cancel", "csrf=" + csrf(session),
                session, null);

        assertEquals(303, cancelled.statusCode(), cancelled.body());
        assertEquals("/console/transactions/" + transaction, location(cancelled));
        String after = get("/console/transactions/" + transaction, session).body();
        assertTrue(after.contains("7 cancelled") && !after.contains("data-refresh"), after);
        HttpResponse<String> again = form("/console/transactions/" + transaction + "/cancel", "csrf=" + csrf(session),
                session, null);
        assertEquals(422, again.statusCode(), "a final transaction is not cancelled");
        assertTrue(again.body().contains("<td>4001</td>"), again.body());
    }

    @Test
    void aTransactionsEvidenceTrailShowsItsRecordsAndWhetherTheArchiveVerifies() throws Exception {
        String session = signIn();
        HttpResponse<String> proposed = form("/console/propose", "form=issue&project=1234&period=2&quantity=10&csrf="
                + csrf(session), session, cdm.address());
        String transaction = location(proposed).substring("/console/transactions/".length());
        assertTrue(get("/console/transactions/" + transaction, session).body()
                .contains("href=\"/console/transactions/" + transaction + "/evidence\""), "the transaction links its trail");

        String intact = get("/console/transactions/" + transaction + "/evidence", session).body();
        String first = TestDatabase.text(cdm.schema, "select min(sequence) from evidence_record where subject = '"
                + transaction + "'");
        String hash = TestDatabase.text(cdm.schema, "select content_sha256 from evidence_record where sequence = " + first);
        TestDatabase.execute(cdm.schema, "update evidence_record set content_sha256 = '" + "0".repeat(64)
                + "' where sequence = " + first);
        String broken;
        try {
            broken = get("/console/transactions/" + transaction + "/evidence", session).body();
        } finally {
            TestDatabase.execute(cdm.schema, "update evidence_record set content_sha256 = '" + hash
                    + "' where sequence = " + first);
        }

        assertTrue(intact.contains("The archive verifies:") && intact.contains("<td>STATUS_CHANGE</td>")
                && intact.contains("<td>" + hash + "</td>"), intact);
        assertTrue(broken.contains("The archive does not verify: record " + first + " is broken"), broken);
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        String session = signIn();

        HttpResponse<String> out = form("/console/logout", "csrf=" + csrf(session), session, null);

        assertEquals(303, out.statusCode(), out.body());
        assertTrue(out.headers().firstValue("Set-Cookie").orElse("").contains("Max-Age=0"));
        assertEquals(303, get("/console/transactions", session).statusCode(), "the session is gone");
    }

    private static long transactions() {
        return TestDatabase.count(cdm.schema, "select count(*) from transactions");
    }

    private static String signIn() throws Exception {
        return session(form("/console/login", "token=" + URLEncoder.encode(ConsoleRegistry.TOKEN, StandardCharsets.UTF_8),
                null, null));
    }

    private static String session(HttpResponse<String> signedIn) {
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private static String csrf(String session) throws Exception {
        Matcher token = CSRF.matcher(get("/console/propose", session).body());
        assertTrue(token.find(), "the page's forms carry the session's token");
        return token.group(1);
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cdm.address() + path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> form(String path, String body, String cookie, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cdm.address() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> answer) {
        return URI.create(answer.headers().firstValue("Location").orElse("")).getPath();
    }
}
