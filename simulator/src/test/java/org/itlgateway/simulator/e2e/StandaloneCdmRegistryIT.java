package org.itlgateway.simulator.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.project.Project;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.gateway.app.RegistryGateway;
import org.itlgateway.gateway.node.ProjectTable;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.network.ReferenceData;
import org.itlgateway.simulator.profile.Profiles;
import org.itlgateway.simulator.support.CdmActions;
import org.itlgateway.simulator.support.NetworkDatabases;
import org.itlgateway.simulator.support.OperatorClient;
import org.itlgateway.simulator.support.OwnGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CDM registry run as its own gateway (what {@code ./itl-registry --code CDM} starts) in place of the
 * simulator's: the network's profile for CDM names its address, and the ITL routes to it like to any registry. The
 * profile names no account: the ITL is not told a registry's accounts, and needs none to check its transactions.
 * It issues into its pending account and forwards to a national registry through its operator API.
 */
class StandaloneCdmRegistryIT {

    private static final AccountRef JAPAN = AccountRef.of(RegistryCode.of("JP"), AccountType.ENTITY_HOLDING, 20045);

    @TempDir
    static Path pki;
    @TempDir
    static Path profiles;

    private static Network network;
    private static RegistryGateway cdm;
    private static OperatorClient operator;

    @BeforeAll
    static void startTheNetworkWithTheCdmRegistryOutsideIt() throws Exception {
        OwnGateways.issueCertificate(pki, "CDM");
        String address = OwnGateways.freeRegistryAddress();
        Files.writeString(profiles.resolve("cdm.json"), """
                { "code": "CDM", "name": "CDM registry (own gateway)", "kind": "EXTERNAL_REGISTRY", "euMember": false,
                  "address": "%s" }
                """.formatted(address));
        // a project of the tester's own: the CDM gateway's --projects table and the network's are one file
        Files.writeString(profiles.resolve(Profiles.PROJECT_TABLE), """
                [ { "id": 6060, "title": "Oaxaca wind corridor", "hostParty": "MX", "leastDevelopedCountry": false,
                    "category": "OTHER", "registered": "2012-02-02" } ]
                """);
        network = Network.start(NetworkDatabases.settings().withPkiDirectory(pki).withProfiles(profiles));
        network.clock().set(java.time.Instant.parse("2016-09-01T09:00:00Z"));
        List<Project> projects = new ArrayList<>(ReferenceData.projects());
        projects.addAll(ProjectTable.read(profiles.resolve(Profiles.PROJECT_TABLE)));
        cdm = OwnGateways.start(network, pki, "CDM", address, projects);
        operator = OwnGateways.operator(cdm);
    }

    @AfterAll
    static void stop() {
        if (cdm != null) {
            cdm.close();
        }
        network.close();
    }

    @Test
    void theCdmRegistrysOwnGatewayIssuesAndForwardsToJapanThroughTheItl() {
        TransactionId issuance = TransactionId.parse(operator.post("/transactions",
                "{\"operation\":\"issue\",\"project\":4321,\"unitType\":\"CER\",\"period\":2,\"quantity\":1000}")
                .json().path("transaction").asText());
        OwnGateways.settle(network, cdm);
        assertEquals(TransactionStatus.COMPLETED, new CdmActions(network).at("ITL", issuance).status());
        assertEquals(4, operator.get("/transactions/" + issuance).json().path("status").path("code").asInt());
        JsonNode adaptationFund = operator.get("/accounts/CDM-100-1100-0/holdings").json();
        assertEquals(20, adaptationFund.path("account").path("units").asLong(),
                "the 2 % share of proceeds completed, though the network's profile names no account of the CDM registry: "
                        + adaptationFund);

        TransactionId forward = TransactionId.parse(operator.post("/transactions",
                "{\"operation\":\"forward\",\"to\":\"JP-120-20045-0\",\"project\":4321,\"quantity\":300}")
                .json().path("transaction").asText());
        OwnGateways.settle(network, cdm);

        assertEquals(TransactionStatus.COMPLETED, new CdmActions(network).at("ITL", forward).status());
        assertEquals(TransactionStatus.COMPLETED, new CdmActions(network).at("JP", forward).status());
        assertEquals(4, operator.get("/transactions/" + forward).json().path("status").path("code").asInt());
        assertEquals(300, network.stores("JP").database().call(() -> network.stores("JP").ledger().quantityHeldBy(JAPAN)));
        TransactionId ownProject = TransactionId.parse(operator.post("/transactions",
                "{\"operation\":\"issue\",\"project\":6060,\"unitType\":\"CER\",\"period\":2,\"quantity\":500}")
                .json().path("transaction").asText());
        OwnGateways.settle(network, cdm);
        assertEquals(TransactionStatus.COMPLETED, new CdmActions(network).at("ITL", ownProject).status(),
                "the ITL knows the project of the shared table: " + new CdmActions(network).at("ITL", ownProject).history());
        JsonNode report = operator.get("/reports/issuance").json();
        assertTrue(report.toString().contains("4321"), report::toString);
    }
}
