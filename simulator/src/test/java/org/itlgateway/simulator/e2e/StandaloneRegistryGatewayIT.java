package org.itlgateway.simulator.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.gateway.app.RegistryGateway;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.CdmActions;
import org.itlgateway.simulator.support.NetworkDatabases;
import org.itlgateway.simulator.support.OperatorClient;
import org.itlgateway.simulator.support.OwnGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A national registry's gateway run on its own (what {@code ./itl-registry} starts), pointed at the simulated ITL
 * like any registry operator's: with a certificate from the network's CA, its own schema, its own operator API. It
 * acquires units the CDM registry sends it, and sends some of them on with a proposal of its own.
 */
class StandaloneRegistryGatewayIT {

    @TempDir
    static Path pki;
    @TempDir
    static Path profiles;

    private static Network network;
    private static RegistryGateway newZealand;
    private static OperatorClient operator;

    @BeforeAll
    static void startTheNetworkAndTheRegistryGateway() throws Exception {
        OwnGateways.issueCertificate(pki, "NZ");
        String address = OwnGateways.freeRegistryAddress();
        OwnGateways.writeNewZealandProfile(profiles, address);
        network = Network.start(NetworkDatabases.settings().withPkiDirectory(pki).withProfiles(profiles));
        newZealand = OwnGateways.start(network, pki, "NZ", address, List.of());
        OwnGateways.openNewZealandAccount(newZealand);
        operator = OwnGateways.operator(newZealand);
    }

    @AfterAll
    static void stop() {
        if (newZealand != null) {
            newZealand.close();
        }
        network.close();
    }

    @Test
    void theRegistryGatewayAcquiresUnitsAndProposesItsOwnTransferThroughTheItl() {
        CdmActions cdm = new CdmActions(network);
        AccountRef held = cdm.holdingOf(4321, CommitmentPeriod.CP2, 1_000, "2016-09-01T09:00:00Z");
        TransactionId incoming = cdm.transfer(held, CdmActions.account("NZ", 77), 4321, 100, "2016-09-02T09:00:00Z");
        OwnGateways.settle(network, newZealand);

        assertEquals(TransactionStatus.COMPLETED, cdm.at("CDM", incoming).status());
        assertEquals(TransactionStatus.COMPLETED, cdm.at("ITL", incoming).status());
        JsonNode seen = operator.get("/transactions/" + incoming).json();
        assertEquals(4, seen.path("status").path("code").asInt(), seen::toString);
        JsonNode holdings = operator.get("/accounts/NZ-120-77-0/holdings").json();
        assertEquals(100, quantity(holdings), holdings::toString);

        long start = holdings.path("blocks").get(0).path("start").asLong();
        JsonNode proposed = operator.post("/transactions", """
                {"kind": "EXTERNAL_TRANSFER", "transferringAccount": "NZ-120-77-0", "acquiringAccount": "JP-120-20045-0",
                 "blocks": [{"originatingRegistry": "CDM", "start": %d, "end": %d, "unitType": "CER",
                             "originalPeriod": 2, "project": 4321}]}""".formatted(start, start + 39)).json();
        TransactionId outgoing = TransactionId.parse(proposed.path("transaction").asText());
        OwnGateways.settle(network, newZealand);

        assertEquals(TransactionStatus.COMPLETED, cdm.at("ITL", outgoing).status());
        assertEquals(TransactionStatus.COMPLETED, cdm.at("JP", outgoing).status());
        JsonNode sent = operator.get("/transactions/" + outgoing).json();
        assertEquals(4, sent.path("status").path("code").asInt(), sent::toString);
        assertEquals(60, quantity(operator.get("/accounts/NZ-120-77-0/holdings").json()));
        assertTrue(sent.path("messages").size() >= 2, "the proposal sent and the ITL's notification received: " + sent);
    }

    private static long quantity(JsonNode holdings) {
        long total = 0;
        for (JsonNode block : holdings.path("blocks")) {
            total += block.path("quantity").asLong();
        }
        return total;
    }
}
