package org.itlgateway.simulator.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.reconciliation.ReconciliationStatus;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.gateway.app.RegistryGateway;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.CdmActions;
import org.itlgateway.simulator.support.ControlledNetwork;
import org.itlgateway.simulator.support.NetworkDatabases;
import org.itlgateway.simulator.support.OperatorClient;
import org.itlgateway.simulator.support.OwnGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An EU registry run as its own gateway ({@code ./itl-registry --eu-member --citl URL}): its transfers go through
 * the CITL, and both logs reconcile it — the ITL and the CITL each with reconciliations of their own numbering,
 * which the gateway keeps apart and answers where each came from.
 */
class StandaloneEuRegistryIT {

    @TempDir
    static Path pki;
    @TempDir
    static Path profiles;

    private static Network network;
    private static ControlledNetwork controlled;
    private static RegistryGateway poland;

    @BeforeAll
    static void startTheNetworkAndAnEuRegistryOfItsOwn() throws Exception {
        OwnGateways.issueCertificate(pki, "PL");
        String address = OwnGateways.freeRegistryAddress();
        Files.writeString(profiles.resolve("pl.json"), """
                { "code": "PL", "name": "Polish registry (own gateway)", "kind": "EXTERNAL_REGISTRY", "euMember": true,
                  "address": "%s",
                  "accounts": [ { "type": 120, "identifier": 88, "period": 0, "holder": "Wisla Energia" } ] }
                """.formatted(address));
        controlled = ControlledNetwork.start(NetworkDatabases.settings().withPkiDirectory(pki).withProfiles(profiles));
        network = controlled.network();
        poland = OwnGateways.startEuMember(network, pki, "PL", address);
        OperatorClient.Answer opened = OwnGateways.operator(poland)
                .post("/accounts", "{\"type\":120,\"identifier\":88,\"period\":0,\"holder\":\"Wisla Energia\"}");
        assertEquals(201, opened.status(), opened.text());
    }

    @AfterAll
    static void stop() {
        if (poland != null) {
            poland.close();
        }
        controlled.close();
    }

    @Test
    void theCitlAndTheItlEachReconcileTheRegistryAndBothValidate() {
        CdmActions cdm = new CdmActions(network);
        AccountRef held = cdm.holdingOf(1234, CommitmentPeriod.CP2, 1_000, "2016-09-01T09:00:00Z");
        TransactionId incoming = cdm.transfer(held, CdmActions.account("PL", 88), 1234, 300, "2016-09-02T09:00:00Z");
        OwnGateways.settle(network, poland);
        assertEquals(TransactionStatus.COMPLETED, cdm.at("ITL", incoming).status(), cdm.at("ITL", incoming).history().toString());

        JsonNode byTheCitl = reconcile("{\"registry\": \"PL\", \"by\": \"CITL\"}");
        JsonNode byTheItl = reconcile("{\"registry\": \"PL\"}");

        assertEquals("VALIDATED", byTheCitl.path("status").asText(), byTheCitl.toString());
        assertEquals("CITL", byTheCitl.path("by").asText());
        assertEquals("VALIDATED", byTheItl.path("status").asText(), byTheItl.toString());
        assertEquals(ReconciliationStatus.VALIDATED,
                poland.node().reconciliation().find("CITL", byTheCitl.path("id").asLong()).orElseThrow().status(),
                "the gateway recorded the CITL's result");
        assertEquals(ReconciliationStatus.VALIDATED,
                poland.node().reconciliation().find("ITL", byTheItl.path("id").asLong()).orElseThrow().status());
    }

    private static JsonNode reconcile(String body) {
        OperatorClient.Answer started = controlled.api().post("/reconciliations", body);
        assertEquals(200, started.status(), started.text());
        OwnGateways.settle(network, poland);
        String by = started.json().get(0).path("by").asText();
        return controlled.api().get("/reconciliations/" + started.json().get(0).path("id").asLong() + "?by=" + by).json();
    }
}
