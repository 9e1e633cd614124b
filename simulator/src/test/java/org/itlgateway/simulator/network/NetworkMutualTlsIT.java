package org.itlgateway.simulator.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.time.Duration;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.gateway.transport.SoapClients;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.DesContract;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
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
