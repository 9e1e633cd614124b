package org.itlgateway.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.OperatorClient;
import org.itlgateway.simulator.support.TestNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The control API's fault rules: added, listed, replaced with a seed, removed; a malformed rule refused by field. */
class FaultRulesApiIT {

    private static Network network;
    private static ControlApi control;
    private static OperatorClient api;

    @BeforeAll
    static void start() {
        network = TestNetwork.get();
        control = ControlApi.start(network, "127.0.0.1", 0);
        api = new OperatorClient(control.address());
    }

    @AfterAll
    static void stop() {
        control.close();
    }

    @AfterEach
    void clearFaults() {
        network.faults().clearAll();
    }

    @Test
    void aRuleAddedIsListedWithItsIdentifierAndRemovedByIt() {
        OperatorClient.Answer added = api.post("/faults/rules", """
                {"node": "JP", "direction": "RECEIVES", "operation": "acceptProposal", "kind": "DROP", "nth": 2}""");
        assertEquals(200, added.status(), added.text());
        String id = added.json().path("id").asText();
        assertEquals("DROP", added.json().path("kind").asText());
        assertEquals(2, added.json().path("nth").asInt());

        OperatorClient.Answer delay = api.post("/faults/rules", """
                {"node": "ITL", "direction": "SENDS", "kind": "DELAY", "probability": 0.25,
                 "delay": {"distribution": "LOGNORMAL", "median": 200, "sigma": 0.4}}""");
        assertEquals(200, delay.status(), delay.text());
        assertEquals(200, delay.json().path("delay").path("median").asInt());

        OperatorClient.Answer listed = api.get("/faults/rules");
        assertEquals(2, listed.json().path("rules").size(), listed.text());
        assertEquals(id, listed.json().path("rules").get(0).path("id").asText());
        assertEquals(0, listed.json().path("held").asInt());
        assertEquals(network.faults().rules().seed(), listed.json().path("seed").asLong());

        OperatorClient.Answer removed = api.delete("/faults/rules/" + id);
        assertEquals(200, removed.status(), removed.text());
        assertEquals(1, removed.json().path("rules").size());
        assertEquals(404, api.delete("/faults/rules/" + id).status(), "gone");
        assertEquals(0, api.delete("/faults/rules").json().path("rules").size(), "all removed");
    }

    @Test
    void theWholeSetIsReplacedWithItsSeedAndItsCountsStartAgain() {
        api.post("/faults/rules", """
                {"node": "JP", "direction": "RECEIVES", "kind": "DUPLICATE"}""");
        OperatorClient.Answer replaced = api.put("/faults/rules", """
                {"seed": 42, "rules": [
                  {"node": "CDM", "direction": "SENDS", "operation": "acceptProposal", "kind": "CONNECTION_RESET", "probability": 0.5},
                  {"node": "JP", "direction": "RECEIVES", "kind": "REORDER", "holdFor": "PT2M"}]}""");
        assertEquals(200, replaced.status(), replaced.text());
        assertEquals(42, replaced.json().path("seed").asLong());
        assertEquals(2, replaced.json().path("rules").size());
        assertEquals("1", replaced.json().path("rules").get(0).path("id").asText(), "identifiers start again");
        assertEquals("PT2M", replaced.json().path("rules").get(1).path("holdFor").asText());
        assertEquals(42, network.faults().rules().seed());

        OperatorClient.Answer seedKept = api.put("/faults/rules", """
                {"rules": []}""");
        assertEquals(42, seedKept.json().path("seed").asLong(), "no seed given: the seed stays");
    }

    @Test
    void aMalformedRuleIsRefusedWith400NamingTheField() {
        refused("probability", """
                {"node": "JP", "direction": "RECEIVES", "kind": "DROP", "probability": 1.5}""");
        refused("kind", """
                {"node": "JP", "direction": "RECEIVES"}""");
        refused("node", """
                {"node": "XX", "direction": "RECEIVES", "kind": "DROP"}""");
        refused("operation", """
                {"node": "JP", "direction": "RECEIVES", "operation": "explode", "kind": "DROP"}""");
        refused("nth", """
                {"node": "JP", "direction": "RECEIVES", "kind": "DROP", "nth": 0}""");
        refused("delay", """
                {"node": "JP", "direction": "RECEIVES", "kind": "DELAY"}""");
        refused("delay.max", """
                {"node": "JP", "direction": "RECEIVES", "kind": "DELAY", "delay": {"distribution": "UNIFORM", "min": 50, "max": 10}}""");
        refused("holdFor", """
                {"node": "JP", "direction": "RECEIVES", "kind": "DROP", "holdFor": "PT1M"}""");
        OperatorClient.Answer inSet = api.put("/faults/rules", """
                {"rules": [{"node": "JP", "direction": "RECEIVES", "kind": "DROP"},
                           {"node": "JP", "direction": "SENDS", "kind": "DROP", "nth": 1, "probability": 0.5}]}""");
        assertEquals(400, inSet.status(), inSet.text());
        assertEquals("rules[1].nth", inSet.json().path("field").asText(), inSet.text());
        assertTrue(network.faults().rules().isEmpty(), "a refused set changes nothing");
    }

    @Test
    void theFaultsOfANodeStillWorkBesideTheRules() {
        api.post("/faults/rules", """
                {"node": "JP", "direction": "RECEIVES", "kind": "DROP", "nth": 1}""");
        OperatorClient.Answer set = api.put("/faults/JP", """
                {"kind": "SLOW", "millis": 10}""");
        assertEquals(200, set.status(), set.text());
        assertEquals("SLOW", api.get("/faults").json().path("JP").path("kind").asText());
        assertEquals(1, api.get("/faults/rules").json().path("rules").size());
        assertEquals(200, api.delete("/faults/JP").status());
        assertEquals(1, api.get("/faults/rules").json().path("rules").size(), "a node's fault cleared, the rules stay");
    }

    private static void refused(String field, String body) {
        OperatorClient.Answer answer = api.post("/faults/rules", body);
        assertEquals(400, answer.status(), answer.text());
        assertEquals(field, answer.json().path("field").asText(), answer.text());
    }
}
