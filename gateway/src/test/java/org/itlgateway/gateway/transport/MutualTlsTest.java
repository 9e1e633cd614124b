package org.itlgateway.gateway.transport;

import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.transport.http.HTTPConduit;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.pki.KeyAlgorithm;
import org.itlgateway.gateway.support.RecordingReceiver;
import org.itlgateway.gateway.support.TestDatabase;
import org.itlgateway.gateway.support.TestPki;
import org.itlgateway.gateway.support.WireSamples;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** With mutual TLS on, only clients with a certificate of the network's CA get through; signatures still apply. */
class MutualTlsTest {

    private static final RecordingReceiver RECEIVER = new RecordingReceiver();
    private static Server itl;
    private static String address;

    @BeforeAll
    static void publishOverMutualTls() {
        address = "https://localhost:" + FreePorts.next() + "/itl";
        TlsSettings serverTls = new TlsSettings(TestPki.ca().issueServerCertificate("ITL", KeyAlgorithm.EC_P256,
                Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(30), List.of()), TestPki.ca().certificate());
        itl = SoapEndpoints.publishTransactionLog(address, new TransactionLogEndpoint(RECEIVER, Clock.systemUTC()),
                TestPki.signatures(TestPki.credential("ITL")), InboundLimits.defaults(),
                TestDatabase.seenMessages(), serverTls);
    }

    @AfterAll
    static void stop() {
        itl.destroy();
    }

    @Test
    void aClientWithACertificateOfTheNetworkGetsItsProposalReceipted() throws Exception {
        TlsSettings clientTls = new TlsSettings(TestPki.credential("CDM"), TestPki.ca().certificate());
        TransactionLogPortType client = SoapClients.transactionLog(address, "ITL",
                TestPki.signatures(TestPki.credential("CDM")), Duration.ofSeconds(30), clientTls);
        try {
            assertEquals(1, client.acceptProposal(WireSamples.proposalToLog("CDM", "ITL", WireSamples.cdmIssuance("CDM2000001")))
                    .getResultIdentifier());
        } finally {
            ((Closeable) client).close();
        }
    }

    @Test
    void aClientWithoutACertificateIsRefusedDuringTheHandshake() throws Exception {
        int before = RECEIVER.received().size();
        TransactionLogPortType withoutCertificate = SoapClients.transactionLog(address, "ITL",
                TestPki.signatures(TestPki.credential("CDM")), Duration.ofSeconds(30));
        TLSClientParameters trustOnly = new TLSClientParameters();
        trustOnly.setTrustManagers(new TlsSettings(TestPki.credential("CDM"), TestPki.ca().certificate())
                .clientParameters().getTrustManagers());
        ((HTTPConduit) ClientProxy.getClient(withoutCertificate).getConduit()).setTlsClientParameters(trustOnly);
        try {
            assertThrows(jakarta.xml.ws.WebServiceException.class,
                    () -> withoutCertificate.acceptProposal(WireSamples.proposalToLog("CDM", "ITL", WireSamples.cdmIssuance("CDM2000002"))));
            assertEquals(before, RECEIVER.received().size());
        } finally {
            ((Closeable) withoutCertificate).close();
        }
    }
}
