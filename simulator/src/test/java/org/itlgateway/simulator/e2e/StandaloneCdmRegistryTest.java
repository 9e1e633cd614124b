package org.itlgateway.simulator.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.gateway.node.RegistryGateway;
import org.itlgateway.gateway.pki.PkiFiles;
import org.itlgateway.gateway.pki.PkiTool;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.network.NetworkSettings;
import org.itlgateway.simulator.network.ReferenceData;
import org.itlgateway.simulator.support.CdmActions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CDM registry run as its own gateway (what {@code ./itl-registry --code CDM} starts) in place of the
 * simulator's: the network's profile for CDM names its address, and the ITL routes to it like to any registry.
 * It issues into its pending account and forwards to a national registry through its operator API.
 */
class StandaloneCdmRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AccountRef JAPAN = AccountRef.of(RegistryCode.of("JP"), AccountType.ENTITY_HOLDING, 20045);

    @TempDir
    static Path pki;
    @TempDir
    static Path profiles;

    private static Network network;
    private static RegistryGateway cdm;

    @BeforeAll
    static void startTheNetworkWithTheCdmRegistryOutsideIt() throws Exception {
        assertEquals(0, PkiTool.run("init-ca", "--dir", pki.toString()));
        assertEquals(0, PkiTool.run("issue", "--dir", pki.toString(), "CDM"));
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String address = "http://127.0.0.1:" + port + "/registry";
        Files.writeString(profiles.resolve("cdm.json"), """
                { "code": "CDM", "name": "CDM registry (own gateway)", "kind": "EXTERNAL_REGISTRY", "euMember": false,
                  "address": "%s",
                  "accounts": [ { "type": 110, "identifier": 1000, "period": 0, "holder": "CDM Executive Board" },
                                { "type": 100, "identifier": 1100, "period": 0, "holder": "Adaptation Fund" } ] }
                """.formatted(address));
        network = Network.start(NetworkSettings.defaults().withPkiDirectory(pki).withProfiles(profiles));
        network.clock().set(java.time.Instant.parse("2016-09-01T09:00:00Z"));

        SigningSettings signing = new SigningSettings(
                PkiFiles.readCredential(pki.resolve("CDM.crt.pem"), pki.resolve("CDM.key.pem")),
                TrustSettings.of(network.ca().certificate(), () -> List.of(network.currentCrl())));
        cdm = RegistryGateway.start(new RegistryGateway.Settings(RegistryCode.CDM, address, network.addressOf("ITL"),
                signing, network.databaseServer().withSchema("cdm_gateway"), "127.0.0.1", 0, Duration.ofSeconds(5),
                Duration.ofHours(24), false, ReferenceData.projects(), null), network.clock());
    }

    @AfterAll
    static void stop() {
        if (cdm != null) {
            cdm.close();
        }
        network.close();
    }

    @Test
    void theCdmRegistrysOwnGatewayIssuesAndForwardsToJapanThroughTheItl() throws Exception {
        TransactionId issuance = TransactionId.parse(post("/transactions",
                "{\"operation\":\"issue\",\"project\":4321,\"unitType\":\"CER\",\"period\":2,\"quantity\":1000}")
                .path("transaction").asText());
        settle();
        assertEquals(TransactionStatus.COMPLETED, new CdmActions(network).at("ITL", issuance).status());
        assertEquals(4, get("/transactions/" + issuance).path("status").path("code").asInt());

        TransactionId forward = TransactionId.parse(post("/transactions",
                "{\"operation\":\"forward\",\"to\":\"JP-120-20045-0\",\"project\":4321,\"quantity\":300}")
                .path("transaction").asText());
        settle();

        assertEquals(TransactionStatus.COMPLETED, new CdmActions(network).at("ITL", forward).status());
        assertEquals(TransactionStatus.COMPLETED, new CdmActions(network).at("JP", forward).status());
        assertEquals(4, get("/transactions/" + forward).path("status").path("code").asInt());
        assertEquals(300, network.stores("JP").database().call(() -> network.stores("JP").ledger().quantityHeldBy(JAPAN)));
        JsonNode report = get("/reports/issuance");
        assertEquals(true, report.toString().contains("4321"), report::toString);
    }

    private static void settle() {
        int rounds = 0;
        int work;
        do {
            work = network.settle() + cdm.runOnce();
        } while (work > 0 && ++rounds < 50);
    }

    private static JsonNode get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(cdm.operatorAddress() + path)).GET());
    }

    private static JsonNode post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(cdm.operatorAddress() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static JsonNode send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
