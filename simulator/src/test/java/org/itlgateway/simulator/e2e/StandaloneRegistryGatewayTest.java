package org.itlgateway.simulator.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.gateway.node.RegistryGateway;
import org.itlgateway.gateway.pki.PkiFiles;
import org.itlgateway.gateway.pki.PkiTool;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.network.NetworkSettings;
import org.itlgateway.simulator.support.CdmActions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A national registry's gateway run on its own (what {@code ./itl-registry} starts), pointed at the simulated ITL
 * like any registry operator's: with a certificate from the network's CA, its own schema, its own operator API. It
 * acquires units the CDM registry sends it, and sends some of them on with a proposal of its own.
 */
class StandaloneRegistryGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path pki;
    @TempDir
    static Path profiles;

    private static Network network;
    private static RegistryGateway newZealand;

    @BeforeAll
    static void startTheNetworkAndTheRegistryGateway() throws Exception {
        assertEquals(0, PkiTool.run("init-ca", "--dir", pki.toString()));
        assertEquals(0, PkiTool.run("issue", "--dir", pki.toString(), "NZ"));
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String address = "http://127.0.0.1:" + port + "/registry";
        Files.writeString(profiles.resolve("nz.json"), """
                { "code": "NZ", "name": "New Zealand registry", "kind": "EXTERNAL_REGISTRY", "euMember": false,
                  "address": "%s",
                  "accounts": [ { "type": 120, "identifier": 77, "period": 0, "holder": "Kiwi holder" } ] }
                """.formatted(address));
        network = Network.start(NetworkSettings.defaults().withPkiDirectory(pki).withProfiles(profiles));

        SigningSettings signing = new SigningSettings(
                PkiFiles.readCredential(pki.resolve("NZ.crt.pem"), pki.resolve("NZ.key.pem")),
                TrustSettings.of(network.ca().certificate(), () -> List.of(network.currentCrl())));
        newZealand = RegistryGateway.start(new RegistryGateway.Settings(RegistryCode.of("NZ"), address,
                network.addressOf("ITL"), signing, network.databaseServer().withSchema("nz_gateway"), "127.0.0.1", 0,
                Duration.ofSeconds(5), Duration.ofHours(24), false, List.of(), null), network.clock());
        JsonNode opened = post("/accounts", "{\"type\":120,\"identifier\":77,\"period\":0,\"holder\":\"Kiwi holder\"}");
        assertEquals("NZ-120-77-0", opened.path("ref").asText(), opened::toString);
    }

    @AfterAll
    static void stop() {
        if (newZealand != null) {
            newZealand.close();
        }
        network.close();
    }

    @Test
    void theRegistryGatewayAcquiresUnitsAndProposesItsOwnTransferThroughTheItl() throws Exception {
        CdmActions cdm = new CdmActions(network);
        AccountRef held = cdm.holdingOf(4321, CommitmentPeriod.CP2, 1_000, "2016-09-01T09:00:00Z");
        TransactionId incoming = cdm.transfer(held, CdmActions.account("NZ", 77), 4321, 100, "2016-09-02T09:00:00Z");
        settle();

        assertEquals(TransactionStatus.COMPLETED, cdm.at("CDM", incoming).status());
        assertEquals(TransactionStatus.COMPLETED, cdm.at("ITL", incoming).status());
        JsonNode seen = get("/transactions/" + incoming);
        assertEquals(4, seen.path("status").path("code").asInt(), seen::toString);
        JsonNode holdings = get("/accounts/NZ-120-77-0/holdings");
        assertEquals(100, quantity(holdings), holdings::toString);

        JsonNode block = holdings.path("blocks").get(0);
        long start = block.path("start").asLong();
        JsonNode proposed = post("/transactions", """
                {"kind": "EXTERNAL_TRANSFER", "transferringAccount": "NZ-120-77-0", "acquiringAccount": "JP-120-20045-0",
                 "blocks": [{"originatingRegistry": "CDM", "start": %d, "end": %d, "unitType": "CER",
                             "originalPeriod": 2, "project": 4321}]}""".formatted(start, start + 39));
        TransactionId outgoing = TransactionId.parse(proposed.path("transaction").asText());
        settle();

        assertEquals(TransactionStatus.COMPLETED, cdm.at("ITL", outgoing).status());
        assertEquals(TransactionStatus.COMPLETED, cdm.at("JP", outgoing).status());
        JsonNode sent = get("/transactions/" + outgoing);
        assertEquals(4, sent.path("status").path("code").asInt(), sent::toString);
        assertEquals(60, quantity(get("/accounts/NZ-120-77-0/holdings")));
        assertTrue(sent.path("messages").size() >= 2, "the proposal sent and the ITL's notification received: " + sent);
    }

    /** Runs the network and the registry gateway until neither has anything left to do. */
    private static void settle() {
        int rounds = 0;
        int work;
        do {
            work = network.settle() + newZealand.runOnce();
        } while (work > 0 && ++rounds < 50);
    }

    private static long quantity(JsonNode holdings) {
        long total = 0;
        for (JsonNode block : holdings.path("blocks")) {
            total += block.path("quantity").asLong();
        }
        return total;
    }

    private static JsonNode get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(newZealand.operatorAddress() + path)).GET());
    }

    private static JsonNode post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(newZealand.operatorAddress() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static JsonNode send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
