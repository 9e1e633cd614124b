package org.itlgateway.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.CdmActions;
import org.itlgateway.simulator.support.ControlledNetwork;
import org.itlgateway.simulator.support.OperatorClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The control API's reads a chaos run checks its invariants with: where the operator APIs are, and the ITL's mirror. */
class ControlApiReadsIT {

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
    void theNetworkNamesEachRegistrysOperatorApi() {
        JsonNode nodes = api.get("/network").json().path("nodes");

        assertEquals(network.operatorAddressOf("JP").orElseThrow(), nodes.path("JP").path("operator").asText());
        assertEquals(network.operatorAddressOf("CDM").orElseThrow(), nodes.path("CDM").path("operator").asText());
        assertEquals("", nodes.path("ITL").path("operator").asText(), "the ITL has no operator API");
    }

    @Test
    void theMirrorAnswersWhatTheItlBelievesARegistryHolds() {
        CdmActions cdm = new CdmActions(network);
        AccountRef held = cdm.holdingOf(1234, CommitmentPeriod.CP2, 500, "2016-09-01T09:00:00Z");
        TransactionId sent = cdm.transfer(held, CdmActions.account("JP", 20045), 1234, 120, "2016-09-01T10:00:00Z");
        network.settle();
        assertEquals(TransactionStatus.COMPLETED, cdm.at("ITL", sent).status());

        JsonNode japan = api.get("/mirror?registry=JP").json();

        assertEquals(120, japan.path("units").asLong(), japan::toString);
        assertEquals(cdm.heldBy("JP", CdmActions.account("JP", 20045)), japan.path("units").asLong());
        assertEquals(380, api.get("/mirror?registry=CDM").json().path("units").asLong(), "issued 500, 120 sent on");
        assertEquals(400, api.get("/mirror").status(), "the registry must be named");
    }
}
