package org.itlgateway.simulator.duties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.itlgateway.core.cdm.IssuanceRequest;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitType;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.profile.PeerProfile;
import org.itlgateway.simulator.support.CdmActions;
import org.itlgateway.simulator.support.ControlledNetwork;
import org.itlgateway.simulator.support.OperatorClient;
import org.itlgateway.simulator.support.OperatorClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the ITL does by itself, over HTTP between the nodes: administrative messages a registry lists, time checks
 * that flag a registry whose clock is off, and impending tCER expiry notices on the simulated calendar. Each test
 * sets the schedules it relies on, and only moves the simulated clock.
 */
class ItlDutiesIT {

    private static ControlledNetwork controlled;
    private static Network network;
    private static OperatorClient api;

    @BeforeAll
    static void start() {
        controlled = ControlledNetwork.start();
        network = controlled.network();
        api = controlled.api();
    }

    @AfterAll
    static void stop() {
        controlled.close();
    }

    // ---- administrative messages ----

    @Test
    void aMessageSentThroughTheControlApiIsListedByTheRegistrysOperatorApi() {
        String text = "The ITL stops for maintenance on Saturday from 06:00 to 10:00 UTC (" + System.nanoTime() + ").";
        Answer sent = api.post("/messages", "{\"registry\": \"CDM\", \"text\": \"" + text + "\"}");
        assertEquals(200, sent.status(), sent::toString);
        assertEquals(1, sent.json().size(), sent::toString);
        assertEquals("CDM", sent.json().get(0).path("registry").asText());
        assertEquals(network.clock().instant(), Instant.parse(sent.json().get(0).path("messageDateTime").asText()),
                "dated now on the ITL's clock unless the request says otherwise");

        JsonNode newest = operator("CDM").get("/messages?limit=5").json().path("messages").get(0);
        assertEquals("ITL", newest.path("from").asText(), newest::toString);
        assertEquals(text, newest.path("messageContent").asText());
        assertEquals(sent.json().get(0).path("messageDateTime").asText(), newest.path("messageDateTime").asText());
        assertEquals(network.clock().instant(), Instant.parse(newest.path("receivedAt").asText()));
    }

    @Test
    void aMessageToAllReachesEveryRegistryOfTheNetworkWithTheDateItCarries() {
        String text = "New CDM registry certificates from 1 July (" + System.nanoTime() + ").";
        Answer sent = api.post("/messages", "{\"registry\": \"all\", \"text\": \"" + text + "\","
                + " \"messageDateTime\": \"2016-06-01T08:00:00Z\"}");
        assertEquals(200, sent.status(), sent::toString);
        List<String> registries = simulatedRegistries();
        assertEquals(network.profiles().registries().size(), sent.json().size(), sent::toString);
        for (String registry : registries) {
            assertEquals(1, messagesSaying(registry, text).size(), registry + " received it once");
            assertEquals("2016-06-01T08:00:00Z", messagesSaying(registry, text).get(0).path("messageDateTime").asText());
        }
    }

    @Test
    void aScheduledMessageArrivesWhenTheSimulatedClockReachesItsTimeAndOnlyThen() {
        String text = "Weekly bulletin of the ITL (" + System.nanoTime() + ").";
        Instant now = network.clock().instant();
        Answer set = api.put("/messages/schedule", "{\"registry\": \"JP\", \"every\": \"P7D\", \"text\": \"" + text + "\"}");
        assertEquals(200, set.status(), set::toString);
        assertEquals("JP", set.json().path("registry").asText());
        assertEquals(Duration.ofDays(7), Duration.parse(set.json().path("every").asText()));
        assertEquals(now.plus(Duration.ofDays(7)), Instant.parse(set.json().path("next").asText()));
        assertEquals(text, set.json().path("text").asText());

        network.advance(Duration.ofDays(6));
        assertEquals(0, messagesSaying("JP", text).size(), "not due before a week");
        network.advance(Duration.ofDays(1));
        assertEquals(1, messagesSaying("JP", text).size(), "due after a week");
        network.advance(Duration.ofDays(1));
        assertEquals(1, messagesSaying("JP", text).size(), "and not again the next day");
        assertEquals(0, messagesSaying("GB", text).size(), "to Japan only");
    }

    @Test
    void aMessageRequestThatCannotBeReadIsAnswered400AndOneForAnUnknownRegistry404() {
        assertRefused(400, "registry", api.post("/messages", "{\"text\": \"hello\"}"));
        assertRefused(400, "text", api.post("/messages", "{\"registry\": \"CDM\"}"));
        assertRefused(400, "text", api.post("/messages", "{\"registry\": \"CDM\", \"text\": \"" + "x".repeat(4001) + "\"}"));
        assertRefused(400, null, api.post("/messages", "{\"registry\": \"CDM\", \"text\": \"hi\", \"colour\": \"red\"}"));
        assertEquals(404, api.post("/messages", "{\"registry\": \"XX\", \"text\": \"hello\"}").status());
        assertRefused(400, "every", api.put("/messages/schedule", "{\"registry\": \"all\", \"every\": \"PT0S\", \"text\": \"x\"}"));
        assertRefused(400, "text", api.put("/messages/schedule", "{\"registry\": \"all\", \"every\": \"P1D\"}"));
        assertRefused(400, "registry", api.put("/messages/schedule", "{\"every\": \"P1D\", \"text\": \"x\"}"));
        assertEquals(404, api.put("/messages/schedule", "{\"registry\": \"QQ\", \"every\": \"P1D\", \"text\": \"x\"}").status());
    }

    // ---- time checks ----

    @Test
    void aTimeCheckReportsEachRegistrysOffsetAndFlagsTheOneWhoseClockIsOff() {
        Answer all = api.post("/time-checks", "{\"registry\": \"all\"}");
        assertEquals(200, all.status(), all::toString);
        assertEquals("PT5S", all.json().path("tolerance").asText());
        JsonNode checks = all.json().path("checks");
        List<String> simulated = simulatedRegistries();
        assertEquals(network.profiles().registries().size(), checks.size(), all::toString);
        for (JsonNode check : checks) {
            if (simulated.contains(check.path("registry").asText())) {
                assertEquals("IN_TIME", check.path("status").asText(), check::toString);
                assertEquals(0, check.path("offsetMillis").asLong(), "one simulated clock, standing still: " + check);
                assertFalse(check.path("flagged").asBoolean());
            }
        }

        assertTrue(network.offsetClockOf("GB", Duration.ofMinutes(3)));
        try {
            JsonNode gb = api.post("/time-checks", "{\"registry\": \"GB\"}").json().path("checks");
            assertEquals(1, gb.size(), gb::toString);
            assertEquals("OFF_TIME", gb.get(0).path("status").asText(), gb::toString);
            assertTrue(gb.get(0).path("flagged").asBoolean());
            assertEquals(180_000, gb.get(0).path("offsetMillis").asLong());
            assertEquals(Instant.parse(gb.get(0).path("askedAt").asText()).plus(Duration.ofMinutes(3)),
                    Instant.parse(gb.get(0).path("registryTime").asText()));
        } finally {
            network.offsetClockOf("GB", Duration.ZERO);
        }

        JsonNode past = api.get("/time-checks?registry=GB").json().path("checks");
        assertEquals("OFF_TIME", past.get(0).path("status").asText(), "latest first: " + past);
        assertEquals("IN_TIME", past.get(1).path("status").asText(), past::toString);
    }

    @Test
    void aRegistryThatCannotBeAskedIsReportedUnreachable() {
        assertEquals(200, api.put("/faults/NZ", "{\"kind\": \"UNAVAILABLE\"}").status());
        JsonNode nz;
        try {
            nz = api.post("/time-checks", "{\"registry\": \"NZ\"}").json().path("checks").get(0);
        } finally {
            api.delete("/faults/NZ");
        }
        assertEquals("UNREACHABLE", nz.path("status").asText(), nz::toString);
        assertTrue(nz.path("registryTime").isNull(), nz::toString);
        assertFalse(nz.path("flagged").asBoolean());
        assertEquals("IN_TIME", api.post("/time-checks", "{\"registry\": \"NZ\"}").json().path("checks").get(0)
                .path("status").asText(), "reachable again once the fault is cleared");
    }

    @Test
    void scheduledTimeChecksAskEveryRegistryWhenTheSimulatedClockReachesThem() {
        Instant now = network.clock().instant();
        Answer set = api.put("/time-checks/schedule", "{\"every\": \"PT1H\"}");
        assertEquals(200, set.status(), set::toString);
        assertEquals("all", set.json().path("registry").asText());
        assertEquals(Duration.ofHours(1), Duration.parse(set.json().path("every").asText()));
        assertEquals(now.plus(Duration.ofHours(1)), Instant.parse(set.json().path("next").asText()));
        int before = timeChecksOf("CH");

        network.advance(Duration.ofMinutes(59));
        assertEquals(before, timeChecksOf("CH"), "not due before the hour");
        network.advance(Duration.ofMinutes(1));
        assertEquals(before + 1, timeChecksOf("CH"), "due on the hour");
        assertEquals(network.clock().instant(), Instant.parse(api.get("/time-checks?registry=CDM&limit=1").json()
                .path("checks").get(0).path("askedAt").asText()), "every registry");
    }

    @Test
    void aTimeCheckRequestThatCannotBeReadIsAnswered400AndOneForAnUnknownRegistry404() {
        assertRefused(400, "registry", api.post("/time-checks", "{}"));
        assertEquals(404, api.post("/time-checks", "{\"registry\": \"XX\"}").status());
        assertRefused(400, "registry", api.get("/time-checks"));
        assertEquals(404, api.get("/time-checks?registry=XX").status());
        assertRefused(400, "limit", api.get("/time-checks?registry=CDM&limit=0"));
        assertRefused(400, "every", api.put("/time-checks/schedule", "{}"));
        assertRefused(400, "every", api.put("/time-checks/schedule", "{\"every\": \"-PT1H\"}"));
    }

    // ---- impending tCER/lCER expiry notices ----

    @Test
    void tcersAboutToExpireBringTheRegistryHoldingThemOneNoticeOfType3AndNoSecond() {
        assertEquals(Duration.ofDays(30), Duration.parse(api.get("/parameters").json().path("ITL").path("expiryNoticeLead")
                .asText()), "the ITL's lead unless told otherwise");
        LocalDate expiry = LocalDate.parse("2010-05-01");
        new CdmActions(network).holdingOf(new IssuanceRequest(5501, UnitType.TCER, CommitmentPeriod.CP1, 300, expiry),
                "2010-03-01T09:00:00Z");
        assertEquals(0, expiryNotices("CDM", expiry).size(), "61 days ahead: not yet");

        network.advance(Duration.ofDays(30));
        assertEquals(0, expiryNotices("CDM", expiry).size(), "31 days ahead: not yet");
        network.advance(Duration.ofDays(1));
        List<JsonNode> notices = expiryNotices("CDM", expiry);
        assertEquals(1, notices.size(), "30 days ahead: " + notices);
        JsonNode notice = notices.get(0);
        assertEquals(1, notice.path("status").path("code").asInt(), notice::toString);
        assertEquals(6, notice.path("unitType").asInt(), "tCERs");
        assertEquals(300, notice.path("targetQuantity").asLong());
        assertEquals(5501, notice.path("project").asLong());
        assertFalse(notice.path("blocks").isEmpty(), "the notice names the blocks");

        network.advance(Duration.ofDays(1));
        assertEquals(1, expiryNotices("CDM", expiry).size(), "not a second one the next day");
        assertEquals(0, expiryNotices("JP", expiry).size(), "only the registry holding them is told");

        // what a restarted ITL would do: look again, with nothing of the running one but its database
        var itl = network.stores("ITL");
        ExpiryNotices restarted = new ExpiryNotices(new UnitOfWork(itl.database()), itl.snapshots(), network.itl().log(),
                () -> List.of(org.itlgateway.core.registry.RegistryCode.of("CDM")), () -> Duration.ofDays(30),
                network.clock());
        assertEquals(0, restarted.runDue(), "what was issued is kept: a restart does not issue it again");
        network.settle();
        assertEquals(1, expiryNotices("CDM", expiry).size());
    }

    // ---- helpers ----

    private static OperatorClient operator(String registry) {
        return new OperatorClient(network.operatorAddressOf(registry).orElseThrow());
    }

    /** The registries the simulator plays (a tester's external registries have no operator API here). */
    private static List<String> simulatedRegistries() {
        return network.profiles().registries().stream().map(PeerProfile::code)
                .filter(code -> network.operatorAddressOf(code).isPresent()).toList();
    }

    private static List<JsonNode> messagesSaying(String registry, String text) {
        List<JsonNode> found = new ArrayList<>();
        operator(registry).get("/messages?limit=500").json().path("messages").forEach(message -> {
            if (text.equals(message.path("messageContent").asText())) {
                found.add(message);
            }
        });
        return found;
    }

    private static int timeChecksOf(String registry) {
        return api.get("/time-checks?registry=" + registry + "&limit=1000").json().path("checks").size();
    }

    private static List<JsonNode> expiryNotices(String registry, LocalDate expiry) {
        List<JsonNode> found = new ArrayList<>();
        operator(registry).get("/notices?limit=500").json().path("notices").forEach(notice -> {
            if (notice.path("type").path("code").asInt() == 3 && expiry.toString().equals(notice.path("targetDate").asText())) {
                found.add(notice);
            }
        });
        return found;
    }

    private static void assertRefused(int status, String field, Answer answer) {
        assertEquals(status, answer.status(), answer::toString);
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer::toString);
        if (field != null) {
            assertEquals(field, answer.json().path("field").asText(), answer::toString);
        }
    }
}
