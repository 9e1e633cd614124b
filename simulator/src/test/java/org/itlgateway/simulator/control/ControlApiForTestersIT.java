package org.itlgateway.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import com.fasterxml.jackson.databind.JsonNode;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.simulator.fault.FaultKind;
import org.itlgateway.simulator.fault.PeerFault;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.CdmActions;
import org.itlgateway.simulator.support.ControlledNetwork;
import org.itlgateway.simulator.support.OperatorClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a tester does through the control API: verify what the network exchanged, as a mock server's verify does,
 * and register a CDM project at run time.
 */
class ControlApiForTestersIT {

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

    @Test
    void theJournalVerifiesHowManyMessagesOfAPatternTheNetworkExchanged() {
        CdmActions cdm = new CdmActions(network);
        AccountRef held = cdm.holdingOf(1234, CommitmentPeriod.CP2, 200, "2016-09-02T09:00:00Z");
        TransactionId sent = cdm.transfer(held, CdmActions.account("JP", 20045), 1234, 50, "2016-09-02T10:00:00Z");
        network.settle();
        String proposalAtTheItl = "{\"node\": \"ITL\", \"operation\": \"acceptProposal\", \"direction\": \"RECEIVED\","
                + " \"transaction\": \"" + sent + "\"";

        JsonNode once = api.post("/journal/verify", proposalAtTheItl + ", \"count\": 1}").json();
        assertTrue(once.path("verified").asBoolean(), once::toString);
        assertEquals(1, once.path("found").asInt());
        assertEquals("CDM", once.path("entries").get(0).path("peer").asText(), "the CDM registry sent it");

        JsonNode twice = api.post("/journal/verify", proposalAtTheItl + ", \"count\": 2}").json();
        assertFalse(twice.path("verified").asBoolean(), "one proposal, not two: " + twice);
        assertEquals("exactly 2", twice.path("expected").asText());

        JsonNode forwarded = api.post("/journal/verify", "{\"node\": \"JP\", \"operation\": \"acceptProposal\","
                + " \"transaction\": \"" + sent + "\", \"atLeast\": 1}").json();
        assertTrue(forwarded.path("verified").asBoolean(), "the ITL forwarded the proposal to Japan: " + forwarded);

        JsonNode none = api.post("/journal/verify", "{\"node\": \"GB\", \"transaction\": \"" + sent
                + "\", \"atMost\": 0}").json();
        assertTrue(none.path("verified").asBoolean(), "the UK's registry saw nothing of it: " + none);
        assertEquals("between 0 and 0", none.path("expected").asText());
    }

    @Test
    void aTesterShortensTheItlsCompletionLimitAtRunTimeAndAnUnansweredTransferEndsAtTheNewLimit() {
        JsonNode before = api.get("/parameters").json();
        assertEquals("PT24H", before.path("ITL").path("completionLimit").asText(), before.toString());
        assertTrue(before.has("CITL"), before.toString());
        CdmActions cdm = new CdmActions(network);
        AccountRef held = cdm.holdingOf(1234, CommitmentPeriod.CP2, 200, "2016-10-03T09:00:00Z");
        OperatorClient.Answer changed = api.put("/parameters/ITL", "{\"completionLimit\": \"PT2H\"}");
        try {
            assertEquals(200, changed.status(), changed.text());
            assertEquals("PT2H", changed.json().path("completionLimit").asText(), changed.text());
            assertEquals(before.path("ITL").path("cp2TrueUpEnd").asText(), changed.json().path("cp2TrueUpEnd").asText(),
                    "what the change does not name stays");
            network.faults().set("JP", new PeerFault(FaultKind.UNAVAILABLE, 0, 0));
            TransactionId id = cdm.transfer(held, CdmActions.account("JP", 20045), 1234, 50, "2016-10-03T10:00:00Z");
            network.settle();

            network.advance(Duration.ofHours(2).plusMinutes(5));

            assertEquals(TransactionStatus.TERMINATED, cdm.at("ITL", id).status(), () -> cdm.at("ITL", id).history().toString());
            assertTrue(cdm.at("ITL", id).latestResults().stream().anyMatch(r -> r.code() == ResponseCode.TRANSACTION_OVERDUE));
            assertEquals(TransactionStatus.TERMINATED, cdm.at("CDM", id).status(), "the CDM registry heard it");
        } finally {
            network.faults().clearAll();
            api.put("/parameters/ITL", "{\"completionLimit\": \"PT24H\"}");
        }
        assertEquals(404, api.put("/parameters/JP", "{\"completionLimit\": \"PT2H\"}").status());
        OperatorClient.Answer misspelt = api.put("/parameters/ITL", "{\"completionLimt\": \"PT2H\"}");
        assertEquals(400, misspelt.status(), misspelt.text());
        assertEquals(400, api.put("/parameters/ITL", "{\"completionLimit\": \"PT0S\"}").status());
    }

    @Test
    void aMisspeltValueOrContradictoryCountsAreRefusedWith400NamingTheField() {
        OperatorClient.Answer wrong = api.post("/journal/verify", "{\"direction\": \"SIDEWAYS\"}");
        assertEquals(400, wrong.status(), wrong.text());
        assertEquals("direction", wrong.json().path("field").asText(), wrong.text());

        OperatorClient.Answer both = api.post("/journal/verify", "{\"count\": 1, \"atLeast\": 1}");
        assertEquals(400, both.status(), both.text());
        assertEquals("count", both.json().path("field").asText(), both.text());

        OperatorClient.Answer upsideDown = api.post("/journal/verify", "{\"atLeast\": 3, \"atMost\": 1}");
        assertEquals(400, upsideDown.status(), upsideDown.text());
        assertEquals("atMost", upsideDown.json().path("field").asText(), upsideDown.text());
    }

    @Test
    void aProjectRegisteredAtRunTimeIsKnownToTheLogsAndTheCdmRegistryIssuesForIt() {
        assertEquals(404, api.get("/projects/98765").status(), "unknown before");

        OperatorClient.Answer registered = api.put("/projects/98765", "{\"title\": \"Wind farm under test\","
                + " \"hostParty\": \"IN\", \"category\": \"OTHER\", \"registered\": \"2014-05-01\"}");
        assertEquals(200, registered.status(), registered.text());
        assertEquals("Wind farm under test", api.get("/projects/98765").json().path("title").asText());

        CdmActions cdm = new CdmActions(network);
        AccountRef held = cdm.holdingOf(98765, CommitmentPeriod.CP2, 100, "2016-10-01T09:00:00Z");
        assertEquals(98, cdm.heldBy("ITL", held), "issued for the new project (2% share of proceeds aside)");

        OperatorClient.Answer nameless = api.put("/projects/98766", "{\"category\": \"OTHER\"}");
        assertEquals(400, nameless.status(), nameless.text());
        assertEquals("hostParty", nameless.json().path("field").asText(), nameless.text());
        OperatorClient.Answer unknownCategory = api.put("/projects/98766", "{\"hostParty\": \"IN\", \"category\": \"MAGIC\"}");
        assertEquals(400, unknownCategory.status(), unknownCategory.text());
        assertEquals("category", unknownCategory.json().path("field").asText(), unknownCategory.text());
    }
}
