package org.itlgateway.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.itlgateway.core.account.Account;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.gateway.node.NodeStores;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.CdmActions;
import org.itlgateway.simulator.support.ControlledNetwork;
import org.itlgateway.simulator.support.OperatorClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The logs know a registry's accounts only as they are told of them, as the DES has it: the ITL never says an
 * account does not exist, the acquiring registry does; a tester tells the logs of an account, or of its closing,
 * through the control API, and the CITL then takes it as an account of its EU registry.
 */
class AccountsToldToTheLogsIT {

    private static ControlledNetwork controlled;
    private static Network network;
    private static OperatorClient api;
    private static CdmActions cdm;

    @BeforeAll
    static void start() {
        controlled = ControlledNetwork.start();
        network = controlled.network();
        api = controlled.api();
        cdm = new CdmActions(network);
    }

    @AfterAll
    static void stop() {
        controlled.close();
    }

    @Test
    void anAccountTheLogsWereNeverToldOfIsLeftToTheAcquiringRegistryToJudge() {
        AccountRef held = cdm.holdingOf(1234, CommitmentPeriod.CP2, 200, "2016-09-02T09:00:00Z");
        AccountRef neverOpened = CdmActions.account("JP", 777_777);

        TransactionId id = cdm.transfer(held, neverOpened, 1234, 50, "2016-09-02T10:00:00Z");
        network.settle();

        JsonNode forwarded = api.post("/journal/verify", "{\"node\": \"JP\", \"operation\": \"acceptProposal\","
                + " \"direction\": \"RECEIVED\", \"transaction\": \"" + id + "\", \"count\": 1}").json();
        assertTrue(forwarded.path("verified").asBoolean(), "the ITL forwarded it to Japan: " + forwarded);
        Transaction atTheItl = cdm.at("ITL", id);
        assertTrue(atTheItl.history().stream().anyMatch(change -> change.status() == TransactionStatus.CHECKED_NO_DISCREPANCY),
                "the ITL's checks passed it: " + atTheItl.history());
        assertEquals(TransactionStatus.REJECTED, cdm.at("CDM", id).status(), "Japan rejected it: "
                + cdm.at("CDM", id).history());
        assertTrue(cdm.at("JP", id).latestResults().stream().anyMatch(r -> r.code() == ResponseCode.ACQUIRING_ACCOUNT_UNKNOWN),
                "Japan, which keeps all its accounts, named the missing one: " + cdm.at("JP", id).history());
        assertEquals(196, cdm.heldBy("CDM", held), "the 50 units are back in the CDM account");
    }

    @Test
    void anAccountToldClosedIsRefusedByTheItlWith3009() {
        AccountRef held = cdm.holdingOf(1234, CommitmentPeriod.CP2, 200, "2016-09-03T09:00:00Z");
        OperatorClient.Answer told = api.put("/accounts/JP-120-20046-0",
                "{\"holder\": \"Closed Trading KK\", \"status\": \"CLOSED\"}");
        assertEquals(200, told.status(), told.text());

        TransactionId id = cdm.transfer(held, CdmActions.account("JP", 20046), 1234, 50, "2016-09-03T10:00:00Z");
        network.settle();

        Transaction atTheItl = cdm.at("ITL", id);
        assertEquals(TransactionStatus.TERMINATED, atTheItl.status(), atTheItl.history().toString());
        assertTrue(atTheItl.latestResults().stream().anyMatch(r -> r.code() == ResponseCode.ACQUIRING_ACCOUNT_NOT_OPEN),
                atTheItl.history().toString());
    }

    @Test
    void anEuAccountIsUnknownToTheCitlUntilATesterTellsTheLogsOfIt() {
        AccountRef opened = CdmActions.account("DE", 4002);
        NodeStores germany = network.stores("DE");
        germany.database().run(() -> germany.accounts().save(Account.open(opened, "Neckar Strom AG")));
        AccountRef held = cdm.holdingOf(1234, CommitmentPeriod.CP2, 400, "2016-09-05T09:00:00Z");

        TransactionId before = cdm.transfer(held, opened, 1234, 100, "2016-09-05T10:00:00Z");
        network.settle();
        OperatorClient.Answer told = api.put("/accounts/DE-120-4002-0", "{\"holder\": \"Neckar Strom AG\"}");
        TransactionId after = cdm.transfer(held, opened, 1234, 100, "2016-09-05T11:00:00Z");
        network.settle();

        assertTrue(cdm.at("ITL", before).latestResults().stream()
                        .anyMatch(r -> r.code() == ResponseCode.ACCOUNT_UNKNOWN_IN_ACQUIRING_REGISTRY),
                "the CITL was not told of it: " + cdm.at("ITL", before).history());
        assertEquals(200, told.status(), told.text());
        assertEquals("OPEN", told.json().path("status").asText(), told.text());
        assertEquals(TransactionStatus.COMPLETED, cdm.at("ITL", after).status(), cdm.at("ITL", after).history().toString());
        assertEquals(100, cdm.heldBy("DE", opened));
        JsonNode listed = api.get("/accounts?registry=DE").json();
        assertTrue(listed.toString().contains("Neckar Strom AG") && listed.toString().contains("Rhein Energie GmbH"),
                "the profile's account and the one told: " + listed);
    }

    @Test
    void aMalformedAccountOrOneOfARegistryTheNetworkLacksIsRefused() {
        OperatorClient.Answer malformed = api.put("/accounts/DE-4002", "{\"holder\": \"x\"}");
        OperatorClient.Answer elsewhere = api.put("/accounts/ZZ-120-1-0", "{\"holder\": \"x\"}");
        OperatorClient.Answer noRegistry = api.get("/accounts");

        assertEquals(400, malformed.status(), malformed.text());
        assertEquals("account", malformed.json().path("field").asText(), malformed.text());
        assertEquals(404, elsewhere.status(), elsewhere.text());
        assertEquals(400, noRegistry.status(), noRegistry.text());
    }
}
