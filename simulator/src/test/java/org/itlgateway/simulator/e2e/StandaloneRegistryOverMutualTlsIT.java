package org.itlgateway.simulator.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.gateway.app.RegistryGateway;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.CdmActions;
import org.itlgateway.simulator.support.NetworkDatabases;
import org.itlgateway.simulator.support.OwnGateways;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry gateway run on its own with mutual TLS (--tls-pkcs12), beside a network run with --mutual-tls: the
 * ITL reaches its https endpoint with the ITL's TLS certificate and it answers the ITL with its own.
 */
class StandaloneRegistryOverMutualTlsIT {

    @TempDir
    static Path pki;
    @TempDir
    static Path profiles;

    private static Network network;
    private static RegistryGateway newZealand;

    @BeforeAll
    static void startBothOverMutualTls() throws Exception {
        OwnGateways.issueCertificate(pki, "NZ");
        String address = OwnGateways.freeRegistryAddress("https");
        OwnGateways.writeNewZealandProfile(profiles, address);
        network = Network.start(NetworkDatabases.settings().withPkiDirectory(pki).withProfiles(profiles).withMutualTls(true));
        newZealand = OwnGateways.startOverTls(network, pki, "NZ", address);
        OwnGateways.openNewZealandAccount(newZealand);
    }

    @AfterAll
    static void stop() {
        if (newZealand != null) {
            newZealand.close();
        }
        network.close();
    }

    @Test
    void aTransferToTheRegistryCompletesWithEveryHopOverMutualTls() {
        assertTrue(network.addressOf("ITL").startsWith("https://"));
        CdmActions cdm = new CdmActions(network);
        AccountRef held = cdm.holdingOf(4321, CommitmentPeriod.CP2, 1_000, "2016-09-01T09:00:00Z");
        TransactionId id = cdm.transfer(held, CdmActions.account("NZ", 77), 4321, 100, "2016-09-02T09:00:00Z");
        OwnGateways.settle(network, newZealand);

        assertEquals(TransactionStatus.COMPLETED, cdm.at("CDM", id).status());
        assertEquals(TransactionStatus.COMPLETED, cdm.at("ITL", id).status());
        assertEquals(4, OwnGateways.operator(newZealand).get("/transactions/" + id).json()
                .path("status").path("code").asInt());
    }
}
