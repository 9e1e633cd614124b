package org.itlgateway.gateway.node.helpdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.itlgateway.core.project.Project;
import org.itlgateway.core.project.ProjectCategory;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.store.DatabaseSettings;
import org.itlgateway.gateway.app.RegistryGateway;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.gateway.support.MutableClock;
import org.itlgateway.gateway.support.TestDatabase;
import org.itlgateway.gateway.support.TestPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CDM registry's gateway runs the CDM Help Desk: its operators take in queries through the operator API over
 * real HTTP, see each acknowledged with its reference, eligibility, reason and due date, follow the queue as the
 * injected clock moves, answer, and read the response times per month.
 */
class HelpDeskOperatorApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "help-desk-operator-token";
    private static final long KENYA_COOKSTOVES = 101;
    private static final long CHINA_WIND = 201;

    private final MutableClock clock = new MutableClock(Instant.parse("2016-03-21T09:00:00Z"));
    private RegistryGateway gateway;

    @BeforeEach
    void startTheCdmRegistrysGateway() {
        List<Project> projects = new ArrayList<>();
        projects.add(project(KENYA_COOKSTOVES, "KE", LocalDate.of(2012, 5, 2)));
        for (int i = 0; i < 11; i++) {
            projects.add(project(CHINA_WIND + i, "CN", LocalDate.of(2008, 1, 1).plusDays(i)));
        }
        gateway = RegistryGateway.start(new RegistryGateway.Settings(RegistryCode.CDM,
                "http://127.0.0.1:" + FreePorts.next() + "/registry", "http://127.0.0.1:" + FreePorts.next() + "/itl",
                new SigningSettings(TestPki.credential("CDM"), TrustSettings.of(TestPki.ca().certificate(), TestPki::currentCrls)),
                DatabaseSettings.external(TestDatabase.jdbcUrl(), "postgres", "").withSchema(TestDatabase.freshSchemaName())
                        .withPoolSize(4),
                "127.0.0.1", 0, Duration.ofSeconds(10), Duration.ofHours(24), false, projects, null, TOKEN), clock);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void aQueryFromAnEligibleHostIsAcknowledgedAtOnceWithItsReferenceReasonAndDueDate() throws Exception {
        HttpResponse<String> received = post("/help-desk/queries", query(KENYA_COOKSTOVES));

        assertEquals(201, received.statusCode(), received.body());
        JsonNode query = JSON.readTree(received.body());
        String reference = query.get("reference").asText();
        assertTrue(reference.matches("HD-2016-\\d{5}"), reference);
        assertEquals("/help-desk/queries/" + reference, received.headers().firstValue("Location").map(URI::create)
                .map(URI::getPath).orElse(""));
        assertEquals("open", query.get("status").asText());
        assertEquals("KE", query.get("hostParty").asText());
        assertTrue(query.get("eligibility").get("eligible").asBoolean());
        assertEquals("african-state", query.get("eligibility").get("ground").asText());
        assertTrue(query.get("eligibility").get("reason").asText().contains("African states"), query.toString());
        assertEquals("2016-03-21T09:00:00Z", query.get("acknowledgedAt").asText());
        assertEquals("2016-04-13", query.get("dueDate").asText(), "15 working days, Easter's two holidays skipped");
        assertFalse(query.hasNonNull("referral"), "no pointer for a query the help desk answers");
        assertEquals(reference, get("/help-desk/queries/" + reference).get("reference").asText());
    }

    @Test
    void aQueryFromAHostWithMoreThanTenProjectsBy2010IsAcknowledgedWithThePointerToTheSecretariat() throws Exception {
        HttpResponse<String> received = post("/help-desk/queries", query(CHINA_WIND));

        assertEquals(201, received.statusCode(), received.body());
        JsonNode query = JSON.readTree(received.body());
        assertFalse(query.get("eligibility").get("eligible").asBoolean());
        assertTrue(query.get("eligibility").get("reason").asText().contains("had 11 CDM projects registered by 2010-12-31"),
                query.toString());
        assertFalse(query.hasNonNull("dueDate"), "no due date for a query the help desk does not answer");
        assertEquals("referred", query.get("status").asText());
        assertTrue(query.get("referral").asText().contains("general CDM communication form"), query.toString());
    }

    @Test
    void theQueueShowsWhatFallsDueThisWeekThenWhatIsOverdueAndWhatWasAnswered() throws Exception {
        String late = reference(post("/help-desk/queries", query(KENYA_COOKSTOVES)));
        clock.set(Instant.parse("2016-03-22T14:00:00Z"));
        String quick = reference(post("/help-desk/queries", programme("FJ")));
        reference(post("/help-desk/queries", query(CHINA_WIND)));

        clock.set(Instant.parse("2016-03-29T10:00:00Z"));
        HttpResponse<String> answered = post("/help-desk/queries/" + quick + "/answer",
                "{\"by\": \"help desk officer\", \"answer\": \"The latest version of the form applies.\"}");
        assertEquals(200, answered.statusCode(), answered.body());
        JsonNode quickAnswer = JSON.readTree(answered.body());
        assertEquals("answered", quickAnswer.get("status").asText());
        assertEquals("help desk officer", quickAnswer.get("answeredBy").asText());
        assertEquals("2016-03-29T10:00:00Z", quickAnswer.get("answeredAt").asText());
        assertEquals(3, quickAnswer.get("workingDaysToAnswer").asInt());
        assertEquals(409, post("/help-desk/queries/" + quick + "/answer", "{\"by\": \"another\", \"answer\": \"again\"}")
                .statusCode(), "a query is answered once");

        clock.set(Instant.parse("2016-04-11T08:00:00Z"));
        JsonNode thisWeek = get("/help-desk/queries/due-this-week");
        assertEquals("2016-04-11", thisWeek.get("from").asText());
        assertEquals("2016-04-17", thisWeek.get("to").asText());
        assertEquals(List.of(late), references(thisWeek));
        assertEquals(List.of(late), references(get("/help-desk/queries?status=open")));
        assertEquals(List.of(), references(get("/help-desk/queries?status=overdue")));

        clock.set(Instant.parse("2016-04-14T08:00:00Z"));
        assertEquals(List.of(late), references(get("/help-desk/queries?status=overdue")));
        assertEquals(List.of(), references(get("/help-desk/queries?status=open")));
        assertEquals(List.of(quick), references(get("/help-desk/queries?status=answered")));
        assertEquals(3, get("/help-desk/queries?limit=5").get("queries").size());

        assertEquals(200, post("/help-desk/queries/" + late + "/answer",
                "{\"by\": \"help desk officer\", \"answer\": \"Sorry for the delay.\"}").statusCode());
        JsonNode report = get("/help-desk/report?from=2016-03&to=2016-04");
        JsonNode march = report.get("months").get(0);
        assertEquals("2016-03", march.get("month").asText());
        assertEquals(3, march.get("received").asInt());
        assertEquals(2, march.get("eligible").asInt());
        assertEquals(2, march.get("answered").asInt());
        assertEquals(1, march.get("answeredWithin15WorkingDays").asInt());
        assertEquals(9.5, march.get("medianWorkingDays").asDouble());
        assertEquals(16, march.get("maxWorkingDays").asInt());
        assertEquals(0, report.get("months").get(1).get("received").asInt());
    }

    @Test
    void aQueryThatCannotBeReadIsRefusedNamingTheField() throws Exception {
        assertProblem(post("/help-desk/queries", "{\"name\": \"A. Participant\", \"email\": \"a@example.org\","
                + " \"role\": \"project-participant\", \"project\": 101}"), 400, "question");
        assertProblem(post("/help-desk/queries", "{\"name\": \"A. Participant\", \"email\": \"a@example.org\","
                + " \"role\": \"auditor\", \"project\": 101, \"question\": \"?\"}"), 400, "role");
        assertProblem(post("/help-desk/queries", "{\"name\": \"A. Participant\", \"email\": \"a@example.org\","
                + " \"role\": \"dna\", \"programme\": \"PoA 9\", \"question\": \"?\"}"), 400, "hostParty");
        assertProblem(post("/help-desk/queries", "{\"name\": \"A. Participant\", \"email\": \"a@example.org\","
                + " \"role\": \"dna\", \"project\": 999, \"question\": \"?\"}"), 400, "hostParty");
        assertProblem(post("/help-desk/queries/HD-2016-99999/answer", "{\"answer\": \"yes\"}"), 400, "by");
        assertEquals(400, getResponse("/help-desk/queries?status=pending").statusCode());
        assertEquals(400, getResponse("/help-desk/report?from=2016-13").statusCode());
        assertEquals(404, getResponse("/help-desk/queries/HD-2016-99999").statusCode());
        assertEquals(404, post("/help-desk/queries/HD-2016-99999/answer", "{\"by\": \"x\", \"answer\": \"y\"}").statusCode());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(field, JSON.readTree(response.body()).path("field").asText(), response.body());
    }

    private static Project project(long id, String host, LocalDate registered) {
        return new Project(id, "project " + id, RegistryCode.of(host), false, ProjectCategory.OTHER, null, false,
                registered);
    }

    private static String query(long project) {
        return "{\"name\": \"A. Participant\", \"organisation\": \"Cookstoves Ltd\", \"email\": \"a@example.org\","
                + " \"role\": \"project-participant\", \"project\": " + project + ", \"subject\": \"Monitoring\","
                + " \"question\": \"Which version of the monitoring report form applies?\"}";
    }

    private static String programme(String host) {
        return "{\"name\": \"B. Entity\", \"email\": \"b@example.org\", \"role\": \"coordinating-managing-entity\","
                + " \"programme\": \"PoA 4321\", \"hostParty\": \"" + host + "\", \"question\": \"How is a CPA included?\"}";
    }

    private static String reference(HttpResponse<String> received) throws Exception {
        assertEquals(201, received.statusCode(), received.body());
        return JSON.readTree(received.body()).get("reference").asText();
    }

    private static List<String> references(JsonNode list) {
        List<String> references = new ArrayList<>();
        list.get("queries").forEach(query -> references.add(query.get("reference").asText()));
        return references;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = getResponse(path);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> getResponse(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.operatorAddress() + path))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.operatorAddress() + path))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
