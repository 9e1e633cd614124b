package org.itlgateway.simulator.reconciliation;

import static org.itlgateway.simulator.support.PlantedHoldings.aaus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.gateway.node.NodeStores;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.ControlledNetwork;
import org.itlgateway.simulator.support.OperatorClient;
import org.itlgateway.simulator.support.PlantedHoldings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Manual intervention through the control API, over HTTP: the ITL's administrator says which side of an
 * inconsistency was right; when it is the registry, the ITL's records are corrected and the next reconciliation
 * validates. Each test plants its differences in its own registry.
 */
class ManualInterventionIT {

    private static ControlledNetwork controlled;
    private static Network network;
    private static PlantedHoldings holdings;
    private static OperatorClient api;

    @BeforeAll
    static void start() {
        controlled = ControlledNetwork.start();
        network = controlled.network();
        holdings = new PlantedHoldings(network);
        api = controlled.api();
    }

    @AfterAll
    static void stop() {
        controlled.close();
    }

    @Test
    void whenTheRegistryWasRightTheItlsRecordsAreCorrectedAndTheNextReconciliationValidates() {
        AccountRef party = new AccountRef(RegistryCode.of("NZ"), AccountType.PARTY_HOLDING, 1, CommitmentPeriod.CP2);
        AccountRef entity = AccountRef.of(RegistryCode.of("NZ"), AccountType.ENTITY_HOLDING, 5001);
        holdings.plant("NZ", party, aaus("NZ", 1, 3_000));
        holdings.plant("ITL", party, aaus("NZ", 1, 3_000));
        holdings.plant("NZ", entity, aaus("NZ", 3_001, 3_400));
        holdings.plant("ITL", party, aaus("NZ", 3_001, 3_400));
        holdings.plant("NZ", party, aaus("NZ", 8_001, 8_050));
        holdings.plant("ITL", party, aaus("NZ", 9_001, 9_020));

        JsonNode found = reconcile("NZ");
        assertEquals("UNIT_BLOCKS_INCONSISTENT", found.path("status").asText(), found.toString());
        assertEquals(List.of("TOTALS_DIFFER", "BLOCK_MISSING", "BLOCK_EXTRA", "BLOCK_IN_WRONG_ACCOUNT"), codesOf(found));

        OperatorClient.Answer resolved = api.post("/reconciliations/" + found.path("id").asLong() + "/resolve",
                "{\"operator\": \"ops@itl\", \"note\": \"NZ's holdings checked against its records\","
                        + " \"rightSide\": \"REGISTRY\"}");

        assertEquals(200, resolved.status(), resolved.text());
        JsonNode intervention = resolved.json().path("intervention");
        assertEquals("COMPLETED_AFTER_MANUAL_INTERVENTION", resolved.json().path("status").asText(), resolved.text());
        assertEquals("ops@itl", intervention.path("by").asText(), resolved.text());
        assertEquals("NZ's holdings checked against its records", intervention.path("note").asText());
        assertEquals("REGISTRY", intervention.path("rightSide").asText());
        assertEquals(400 + 50 + 20, intervention.path("correctedUnits").asLong(), "moved, added and removed units");
        assertEquals(List.of(HeldBlock.free(aaus("NZ", 3_001, 3_400), entity)), mirrorHeldBy(entity));
        assertEquals(List.of(HeldBlock.free(aaus("NZ", 1, 3_000), party), HeldBlock.free(aaus("NZ", 8_001, 8_050), party)),
                mirrorHeldBy(party), "the extra units added, the missing ones removed");

        JsonNode next = reconcile("NZ");
        assertEquals("VALIDATED", next.path("status").asText(), next.toString());
    }

    @Test
    void whenTheLogWasRightItsRecordsStandAndTheRegistryIsToldTheInterventionEndedTheReconciliation() {
        AccountRef account = AccountRef.of(RegistryCode.of("CH"), AccountType.ENTITY_HOLDING, 3001);
        holdings.plant("CH", account, aaus("CH", 1, 2_000));
        holdings.plant("ITL", account, aaus("CH", 1, 2_000));
        holdings.plant("CH", account, aaus("CH", 7_001, 7_010));
        JsonNode found = reconcile("CH");
        assertEquals("UNIT_BLOCKS_INCONSISTENT", found.path("status").asText(), found.toString());

        OperatorClient.Answer resolved = api.post("/reconciliations/" + found.path("id").asLong() + "/resolve",
                "{\"operator\": \"ops@itl\", \"note\": \"units CH created by mistake\", \"rightSide\": \"LOG\"}");

        assertEquals(200, resolved.status(), resolved.text());
        assertEquals("LOG", resolved.json().path("intervention").path("rightSide").asText(), resolved.text());
        assertEquals(0, resolved.json().path("intervention").path("correctedUnits").asLong());
        assertEquals(List.of(HeldBlock.free(aaus("CH", 1, 2_000), account)), mirrorHeldBy(account),
                "the ITL's records stand");
        assertEquals(6, network.registryNode("CH").reconciliation().find("ITL", found.path("id").asLong()).orElseThrow()
                .status().code(), "the registry heard the result");
        JsonNode next = reconcile("CH");
        assertEquals("UNIT_BLOCKS_INCONSISTENT", next.path("status").asText(), "until CH corrects its holdings: " + next);
    }

    @Test
    void aResolutionWithoutARightSideOrOfAReconciliationWithNothingOpenIsRefused() {
        JsonNode validated = reconcile("JP");
        assertEquals("VALIDATED", validated.path("status").asText(), validated.toString());
        String path = "/reconciliations/" + validated.path("id").asLong() + "/resolve";

        OperatorClient.Answer noSide = api.post(path, "{\"operator\": \"ops@itl\"}");
        OperatorClient.Answer nothingOpen = api.post(path, "{\"operator\": \"ops@itl\", \"rightSide\": \"LOG\"}");
        OperatorClient.Answer unknown = api.post("/reconciliations/987654/resolve",
                "{\"operator\": \"ops@itl\", \"rightSide\": \"LOG\"}");

        assertEquals(400, noSide.status(), noSide.text());
        assertEquals("rightSide", noSide.json().path("field").asText(), noSide.text());
        assertEquals(409, nothingOpen.status(), nothingOpen.text());
        assertTrue(nothingOpen.text().contains("(2)"), nothingOpen.text());
        assertEquals(404, unknown.status(), unknown.text());
        OperatorClient.Answer unknownAtTheCitl = api.post("/reconciliations/987654/resolve?by=CITL",
                "{\"operator\": \"ops@citl\", \"rightSide\": \"LOG\"}");
        OperatorClient.Answer noSuchLog = api.post(path + "?by=JP", "{\"operator\": \"ops@itl\", \"rightSide\": \"LOG\"}");
        assertEquals(404, unknownAtTheCitl.status(), unknownAtTheCitl.text());
        assertTrue(unknownAtTheCitl.text().contains("CITL"), unknownAtTheCitl.text());
        assertEquals(400, noSuchLog.status(), noSuchLog.text());
        assertEquals("by", noSuchLog.json().path("field").asText(), noSuchLog.text());
    }

    private static JsonNode reconcile(String registry) {
        OperatorClient.Answer started = api.post("/reconciliations", "{\"registry\": \"" + registry + "\"}");
        assertEquals(200, started.status(), started.text());
        JsonNode answer = started.json();
        return answer.isArray() ? answer.get(0) : answer;
    }

    private static List<String> codesOf(JsonNode reconciliation) {
        return java.util.stream.StreamSupport.stream(reconciliation.path("results").spliterator(), false)
                .map(result -> result.path("code").asText()).distinct().toList();
    }

    private static List<HeldBlock> mirrorHeldBy(AccountRef account) {
        NodeStores itl = network.stores("ITL");
        return itl.database().call(() -> itl.ledger().heldBy(account));
    }

}
