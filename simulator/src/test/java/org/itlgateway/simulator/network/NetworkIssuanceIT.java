package org.itlgateway.simulator.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.itlgateway.core.cdm.CdmAccounts;
import org.itlgateway.core.cdm.IssuanceRequest;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.gateway.node.NodeStores;
import org.itlgateway.simulator.support.NetworkDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NetworkIssuanceIT {

    private static Network network;

    @BeforeAll
    static void start() {
        network = Network.start(NetworkDatabases.settings().withStart(Instant.parse("2014-03-03T09:00:00Z")));
    }

    @AfterAll
    static void stop() {
        network.close();
    }

    @Test
    void aCdmIssuanceIsCheckedByTheItlAndCompletesWithItsShareOfProceeds() {
        ProposalOutcome issued = network.registryNode("CDM").submit(
                () -> network.cdm().issue(IssuanceRequest.cers(1234, CommitmentPeriod.CP2, 10_000)));
        assertTrue(issued.isRecorded(), () -> issued.toString());

        network.settle();

        NodeStores cdm = network.stores("CDM");
        var transaction = cdm.database().call(() -> cdm.transactions().find(issued.transaction().id())).orElseThrow();
        assertEquals(TransactionStatus.COMPLETED, transaction.status(), transaction.history().toString());
        long pending = cdm.database().call(() -> cdm.ledger().quantityHeldBy(CdmAccounts.PENDING));
        long adaptationFund = cdm.database().call(() -> cdm.ledger().quantityHeldBy(CdmAccounts.ADAPTATION_FUND));
        assertEquals(200, adaptationFund);
        assertEquals(9_800, pending);
        NodeStores itl = network.stores("ITL");
        var seenByItl = itl.database().call(() -> itl.transactions().find(issued.transaction().id())).orElseThrow();
        assertEquals(TransactionStatus.COMPLETED, seenByItl.status(), seenByItl.history().toString());
    }
}
