package org.itlgateway.gateway.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.apache.cxf.endpoint.Server;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.support.RecordingReceiver;
import org.itlgateway.gateway.support.TestPki;
import org.itlgateway.gateway.support.WireSamples;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's bare stack (CXF with WS-Security's own interceptors) hands its receiver the verified request and
 * its signer, and, when asked to keep them, the bytes as received: the "stack with the same durable inbox" baseline
 * archives what it received as the full pipeline does.
 */
class BareStackForBenchmarkTest {

    @Test
    void theStackAskedToKeepTheBytesHandsTheSignedMessageAsReceivedToItsReceiver() throws Exception {
        InboundMessage message = receivedThroughTheBareStack(true, "CDM1000101");

        assertEquals("CDM", message.signer());
        String raw = new String(message.rawXml(), StandardCharsets.UTF_8);
        assertTrue(raw.contains("CDM1000101") && raw.contains("SignatureValue"), raw);
    }

    @Test
    void theStackNotAskedToKeepTheBytesHandsNone() throws Exception {
        InboundMessage message = receivedThroughTheBareStack(false, "CDM1000102");

        assertEquals("CDM", message.signer());
        assertEquals(0, message.rawXml().length);
    }

    private static InboundMessage receivedThroughTheBareStack(boolean keepBytes, String transactionId) throws Exception {
        RecordingReceiver receiver = new RecordingReceiver();
        String address = "http://127.0.0.1:" + FreePorts.next() + "/itl";
        Server bare = SoapEndpoints.publishBareTransactionLogForBenchmark(address,
                new TransactionLogEndpoint(receiver, Clock.systemUTC()), TestPki.signatures(TestPki.credential("ITL")),
                keepBytes);
        TransactionLogPortType client = SoapClients.transactionLog(address, "ITL",
                TestPki.signatures(TestPki.credential("CDM")), Duration.ofSeconds(30));
        try {
            assertEquals(1, client.acceptProposal(WireSamples.proposalToLog("CDM", "ITL",
                    WireSamples.cdmIssuance(transactionId))).getResultIdentifier());
        } finally {
            ((Closeable) client).close();
            bare.destroy();
        }
        assertEquals(1, receiver.received().size());
        return receiver.received().get(0);
    }
}
