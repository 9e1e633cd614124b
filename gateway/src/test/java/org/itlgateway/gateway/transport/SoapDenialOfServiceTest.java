package org.itlgateway.gateway.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.cxf.endpoint.Server;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.support.ProposalEnvelopes;
import org.itlgateway.gateway.support.RawSoap;
import org.itlgateway.gateway.support.RecordingReceiver;
import org.itlgateway.gateway.support.SignedEnvelopes;
import org.itlgateway.gateway.support.TestDatabase;
import org.itlgateway.gateway.support.TestPki;
import org.itlgateway.gateway.support.WireSamples;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an anonymous or hostile sender can make a node spend is bounded: a refusal of a message that never
 * authenticated costs no signature, a token type nobody here uses is refused with a code (and the node keeps
 * serving), and slow senders do not keep others from being answered.
 */
class SoapDenialOfServiceTest {

    private static final String ACCEPT_PROPOSAL = "urn:itlgateway:des:1.0:transactionlog/acceptProposal";
    private static final RecordingReceiver RECEIVER = new RecordingReceiver();
    /** More than the embedded server's 200 threads. */
    private static final int SLOW_SENDERS = 220;
    private static Server itl;
    private static String address;

    @BeforeAll
    static void publishTheTransactionLog() {
        address = "http://127.0.0.1:" + FreePorts.next() + "/itl";
        itl = RECEIVER.publishAsTheLog(address);
    }

    @AfterAll
    static void stop() {
        itl.destroy();
    }

    @BeforeEach
    void forget() {
        RECEIVER.received().clear();
    }

    @Test
    void theRefusalOfAnUnsignedRequestIsUnsigned() {
        HttpResponse<String> response = RawSoap.post(address, ACCEPT_PROPOSAL, unsignedProposal("CDM3000001").getBytes(StandardCharsets.UTF_8));

        assertEquals(1002, RawSoap.refusalCode(response.body()), response.body());
        assertUnsigned(response);
    }

    @Test
    void theRefusalOfARequestSignedByAnUntrustedCertificateIsUnsigned() throws Exception {
        String signed = SignedEnvelopes.sign(unsignedProposal("CDM3000002").getBytes(StandardCharsets.UTF_8),
                TestPki.rogueCredential("CDM"), Instant.now());

        HttpResponse<String> response = RawSoap.post(address, ACCEPT_PROPOSAL, signed.getBytes(StandardCharsets.UTF_8));

        assertEquals(1004, RawSoap.refusalCode(response.body()), response.body());
        assertUnsigned(response);
    }

    @Test
    void theRefusalOfARequestWithAStaleTimestampIsUnsigned() throws Exception {
        String stale = SignedEnvelopes.sign(unsignedProposal("CDM3000003").getBytes(StandardCharsets.UTF_8),
                TestPki.credential("CDM"), Instant.now().minus(Duration.ofHours(1)));

        HttpResponse<String> response = RawSoap.post(address, ACCEPT_PROPOSAL, stale.getBytes(StandardCharsets.UTF_8));

        assertEquals(1009, RawSoap.refusalCode(response.body()), response.body());
        assertUnsigned(response);
    }

    @Test
    void theRefusalOfAnAuthenticatedRequestIsSignedAndConfirmsItsSignature() throws Exception {
        String signed = SignedEnvelopes.sign(unsignedProposal("CDM3000004").replace("<des:unitType>5</des:unitType>",
                "<des:unitType>9</des:unitType>").getBytes(StandardCharsets.UTF_8), TestPki.credential("CDM"), Instant.now());

        HttpResponse<String> response = RawSoap.post(address, ACCEPT_PROPOSAL, signed.getBytes(StandardCharsets.UTF_8));

        assertEquals(1011, RawSoap.refusalCode(response.body()), response.body());
        assertTrue(response.body().contains("SignatureValue"), "an authenticated sender gets a signed refusal");
        assertTrue(response.body().contains("SignatureConfirmation"), "which confirms the request's signature");
    }

    @Test
    void aSamlAssertionInTheSecurityHeaderIsRefusedWith1018AndTheNodeKeepsServing() throws IOException {
        String saml = unsignedProposal("CDM3000005").replace("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">",
                "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header>"
                        + "<wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">"
                        + "<saml2:Assertion xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_a1\" Version=\"2.0\" "
                        + "IssueInstant=\"2026-01-01T00:00:00Z\"><saml2:Issuer>someone</saml2:Issuer>"
                        + "<saml2:Subject><saml2:NameID>CDM</saml2:NameID></saml2:Subject></saml2:Assertion>"
                        + "</wsse:Security></soap:Header>");

        HttpResponse<String> response = RawSoap.post(address, ACCEPT_PROPOSAL, saml.getBytes(StandardCharsets.UTF_8));

        assertEquals(1018, RawSoap.refusalCode(response.body()), response.body());
        assertFalse(response.body().contains("NoClassDefFound"), response.body());
        assertUnsigned(response);
        assertEquals(1, proposeSigned("CDM3000006"), "the node still answers a proper request");
    }

    @Test
    void aUsernameTokenInTheSecurityHeaderIsRefusedWith1018() {
        String usernameToken = unsignedProposal("CDM3000007").replace("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">",
                "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header>"
                        + "<wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">"
                        + "<wsse:UsernameToken><wsse:Username>CDM</wsse:Username><wsse:Password>secret</wsse:Password></wsse:UsernameToken>"
                        + "</wsse:Security></soap:Header>");

        HttpResponse<String> response = RawSoap.post(address, ACCEPT_PROPOSAL, usernameToken.getBytes(StandardCharsets.UTF_8));

        assertEquals(1018, RawSoap.refusalCode(response.body()), response.body());
        assertUnsigned(response);
    }

    /**
     * More slow senders than the server has threads, each trickling its body a byte at a time, do not keep a
     * proper request from being answered: each is cut off once it falls below the minimum data rate. (The
     * senders' pause between bytes is how they are slow; the test measures nothing, and the client's timeout
     * only fails it.)
     */
    @Test
    void slowSendersDoNotKeepAProperRequestFromBeingAnswered() throws Exception {
        String slowAddress = "http://127.0.0.1:" + FreePorts.next() + "/itl";
        Server slowItl = SoapEndpoints.publishTransactionLog(slowAddress,
                new TransactionLogEndpoint(RECEIVER, Clock.systemUTC()), TestPki.signatures(TestPki.credential("ITL")),
                InboundLimits.defaults(), TestDatabase.seenMessages());
        java.net.URI uri = java.net.URI.create(slowAddress);
        List<Socket> slow = new ArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        Thread trickle = new Thread(() -> {
            while (!done.get()) {
                for (Socket socket : slow) {
                    try {
                        socket.getOutputStream().write(' ');
                        socket.getOutputStream().flush();
                    } catch (IOException cutOff) {
                        // the server let this one go
                    }
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            for (int i = 0; i < SLOW_SENDERS; i++) {
                Socket socket = new Socket(uri.getHost(), uri.getPort());
                socket.getOutputStream().write(("POST " + uri.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: text/xml; charset=UTF-8\r\nSOAPAction: \"" + ACCEPT_PROPOSAL + "\"\r\n"
                        + "Content-Length: 1000000\r\n\r\n<soap:Envelope").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            trickle.start();

            assertEquals(1, proposeSigned(slowAddress, "CDM3000008", Duration.ofSeconds(90)),
                    "the proper request is answered while the slow senders keep sending");
        } finally {
            done.set(true);
            trickle.interrupt();
            for (Socket socket : slow) {
                socket.close();
            }
            slowItl.destroy();
        }
    }

    private static int proposeSigned(String transactionId) throws IOException {
        return proposeSigned(address, transactionId, Duration.ofSeconds(30));
    }

    private static int proposeSigned(String at, String transactionId, Duration patience) throws IOException {
        TransactionLogPortType client = SoapClients.transactionLog(at, "ITL",
                TestPki.signatures(TestPki.credential("CDM")), patience);
        try {
            return client.acceptProposal(WireSamples.proposalToLog("CDM", "ITL", WireSamples.cdmIssuance(transactionId)))
                    .getResultIdentifier();
        } catch (org.itlgateway.schemas.v1.transactionlog.RefusalFault e) {
            throw new AssertionError(e);
        } finally {
            ((Closeable) client).close();
        }
    }

    private static void assertUnsigned(HttpResponse<String> response) {
        assertFalse(response.body().contains("SignatureValue"), "no signature is spent on it: " + response.body());
        assertFalse(response.body().contains("BinarySecurityToken"), response.body());
        assertTrue(RECEIVER.received().isEmpty(), "the refused message reached the node");
    }

    static String unsignedProposal(String transactionId) {
        return new String(ProposalEnvelopes.proposal("CDM", transactionId), StandardCharsets.UTF_8);
    }
}
