package org.itlgateway.simulator.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.gateway.transport.SoapClients;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.DesContract;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
import org.itlgateway.simulator.fault.FaultDirection;
import org.itlgateway.simulator.fault.FaultRule;
import org.itlgateway.simulator.fault.RuleKind;
import org.itlgateway.simulator.journal.Direction;
import org.itlgateway.simulator.journal.JournalEntry;
import org.itlgateway.simulator.support.CdmActions;
import org.itlgateway.simulator.support.NetworkDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole simulated network over mutual TLS (--mutual-tls): every endpoint is https and asks for a client
 * certificate of the network's CA, and every node reaches the others with its own. Transactions flow as over HTTP.
 */
class NetworkMutualTlsIT {

    private static Network network;

    @BeforeAll
    static void startTheNetworkOverMutualTls() {
        network = Network.start(NetworkDatabases.settings().withMutualTls(true));
    }

    @AfterAll
    static void stop() {
        network.close();
    }

    @Test
    void aTransferToJapanCompletesWithEveryMessageOverMutualTls() {
        assertTrue(network.addressOf("ITL").startsWith("https://"), network.addressOf("ITL"));
        CdmActions cdm = new CdmActions(network);
        AccountRef held = cdm.holdingOf(4321, CommitmentPeriod.CP2, 1_000, "2016-09-01T09:00:00Z");
        TransactionId id = cdm.transfer(held, CdmActions.account("JP", 20045), 4321, 100, "2016-09-02T09:00:00Z");
        network.settle();

        assertEquals(TransactionStatus.COMPLETED, cdm.at("CDM", id).status());
        assertEquals(TransactionStatus.COMPLETED, cdm.at("ITL", id).status());
        assertEquals(TransactionStatus.COMPLETED, cdm.at("JP", id).status());
    }

    @Test
    void faultRulesBreakRepliesOverMutualTlsAsOverHttp() {
        CdmActions cdm = new CdmActions(network);
        AccountRef held = cdm.holdingOf(4321, CommitmentPeriod.CP2, 1_000, "2016-10-03T09:00:00Z");
        // every rule counts every proposal Japan receives: the first is dropped, the second reset, ...
        int nth = 1;
        for (RuleKind kind : List.of(RuleKind.DROP, RuleKind.CONNECTION_RESET, RuleKind.TRUNCATED_BODY,
                RuleKind.GARBAGE_THEN_CLOSE)) {
            network.faults().rules().add(new FaultRule(null, "JP", FaultDirection.RECEIVES, "acceptProposal", kind, nth++,
                    null, null, null));
        }
        try {
            TransactionId id = cdm.transfer(held, CdmActions.account("JP", 20045), 4321, 100, "2016-10-04T09:00:00Z");
            network.settle();
            for (int minutes = 0; minutes < 10; minutes++) {
                network.advance(Duration.ofMinutes(1));
            }

            List<String> outcomes = network.journal().find(id.toString(), "ITL", Direction.SENT, 100, false).stream()
                    .filter(e -> "JP".equals(e.peer()) && e.operation().equals("acceptProposal"))
                    .sorted(java.util.Comparator.comparingLong(JournalEntry::id))
                    .map(e -> e.outcome().split(":")[0]).toList();
            assertEquals(List.of("NO_RECEIPT", "NO_RECEIPT", "NO_RECEIPT", "NO_RECEIPT", "DELIVERED"), outcomes);
            assertEquals(1, network.journal().find(id.toString(), "JP", Direction.PROCESSED, 100, false).stream()
                    .filter(e -> e.operation().equals("acceptProposal")).count(), "Japan applied the proposal once");
            assertEquals(TransactionStatus.COMPLETED, cdm.at("CDM", id).status());
            assertEquals(TransactionStatus.COMPLETED, cdm.at("JP", id).status());
        } finally {
            network.faults().clearAll();
        }
    }

    @Test
    void aCallerWithoutATlsCertificateIsRefusedEvenWithAValidSignature() throws Exception {
        TransactionLogPortType withoutCertificate = SoapClients.transactionLog(network.addressOf("ITL"), "ITL",
                network.signaturesOf("JP"), Duration.ofSeconds(10));
        org.apache.cxf.configuration.jsse.TLSClientParameters trustOnly = new org.apache.cxf.configuration.jsse.TLSClientParameters();
        trustOnly.setTrustManagers(network.tlsOf("JP").clientParameters().getTrustManagers());
        ((org.apache.cxf.transport.http.HTTPConduit) org.apache.cxf.frontend.ClientProxy.getClient(withoutCertificate)
                .getConduit()).setTlsClientParameters(trustOnly);
        Envelope header = new Envelope("JP", "ITL", DesContract.MAJOR_VERSION, DesContract.MINOR_VERSION);
        try {
            assertThrows(jakarta.xml.ws.WebServiceException.class,
                    () -> withoutCertificate.getTransactionStatus(Wire.LOG_GET_TRANSACTION_STATUS.element(header, "JP1")));
        } finally {
            ((Closeable) withoutCertificate).close();
        }
        TransactionLogPortType withCertificate = SoapClients.transactionLog(network.addressOf("ITL"), "ITL",
                network.signaturesOf("JP"), Duration.ofSeconds(10), network.tlsOf("JP"));
        try {
            int result = withCertificate.getTransactionStatus(Wire.LOG_GET_TRANSACTION_STATUS.element(header, "JP1")).getResultIdentifier();
            assertTrue(result == 0 || result == 1, "with its certificate the same call gets the ITL's signed receipt");
        } finally {
            ((Closeable) withCertificate).close();
        }
    }
}
