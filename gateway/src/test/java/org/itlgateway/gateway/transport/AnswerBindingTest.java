package org.itlgateway.gateway.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.xml.ws.WebServiceException;
import org.apache.cxf.endpoint.Server;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.gateway.delivery.OutboundMessage;
import org.itlgateway.gateway.delivery.Outbox;
import org.itlgateway.gateway.delivery.OutboxSender;
import org.itlgateway.gateway.delivery.Peer;
import org.itlgateway.gateway.delivery.Peers;
import org.itlgateway.gateway.delivery.RetrySchedule;
import org.itlgateway.gateway.delivery.SendOutcome;
import org.itlgateway.gateway.delivery.Transactor;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.support.MutableClock;
import org.itlgateway.gateway.support.ScriptedPeer;
import org.itlgateway.gateway.support.SignedEnvelopes;
import org.itlgateway.gateway.support.TestDatabase;
import org.itlgateway.gateway.support.TestPki;
import org.itlgateway.gateway.support.WireSamples;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.v1.transactionlog.RefusalFault;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
import org.itlgateway.schemas.v1.types.DesProposal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An answer counts only as the answer to the request it was given for, from the node that was called: a signed
 * receipt or refusal captured from one exchange and played back to another, a refusal signed by someone else, an
 * unsigned refusal and an oversized reply are each no trustworthy answer. Each rule holds for the nodes' clients
 * ({@link DirectClients}, {@link DirectClientAnswerBindingTest}) and for the stack's ({@link SoapClients}, here).
 */
class AnswerBindingTest {

    private static final Pattern SIGNATURE_VALUE = Pattern.compile("<(?:\\w+:)?SignatureValue>([^<]+)</");
    private static final String RECEIPT_WITHOUT_CONFIRMATION = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<soap:Body><ns2:acceptProposalResponse xmlns=\"urn:itlgateway:des:1.0\" xmlns:ns2=\"urn:itlgateway:des:1.0:transactionlog\">"
            + "<resultIdentifier>1</resultIdentifier></ns2:acceptProposalResponse></soap:Body></soap:Envelope>";
    private static Server itl;
    private static Server impostor;
    private static String itlAddress;
    private static String impostorAddress;
    private static volatile Receipt.TransactionStatusReport statusToAnswer;

    private ScriptedPeer peer;
    private TransactionLogPortType client;

    @BeforeAll
    static void publishTheLogAndAnImpostor() {
        itlAddress = "http://127.0.0.1:" + FreePorts.next() + "/itl";
        itl = SoapEndpoints.publishTransactionLog(itlAddress, new TransactionLogEndpoint(message ->
                        message.operation() == Operation.LOG_GET_TRANSACTION_STATUS
                                ? Receipt.status(statusToAnswer) : Receipt.acceptedForProcessing(), Clock.systemUTC()),
                TestPki.signatures(TestPki.credential("ITL")), InboundLimits.defaults(), TestDatabase.seenMessages());
        impostorAddress = "http://127.0.0.1:" + FreePorts.next() + "/not-the-itl";
        impostor = SoapEndpoints.publishTransactionLog(impostorAddress,
                new TransactionLogEndpoint(message -> Receipt.acceptedForProcessing(), Clock.systemUTC()),
                TestPki.signatures(TestPki.credential("JP")), InboundLimits.defaults(), TestDatabase.seenMessages());
    }

    @AfterAll
    static void stop() {
        itl.destroy();
        impostor.destroy();
    }

    @BeforeEach
    void startThePeer() {
        peer = ScriptedPeer.start();
        client = client(peer.address(), TestPki.signatures(TestPki.credential("CDM")), Duration.ofSeconds(30));
    }

    /** The client under test, of the ITL at {@code address}. */
    TransactionLogPortType client(String address, org.itlgateway.gateway.security.MessageSignatures signatures,
                                  Duration timeout) {
        return SoapClients.transactionLog(address, "ITL", signatures, timeout);
    }

    @AfterEach
    void stopThePeer() throws IOException {
        ((Closeable) client).close();
        peer.close();
    }

    @Test
    void aReceiptCapturedFromOneExchangeIsNotAcceptedAsTheAnswerToAnother() throws Exception {
        peer.answerWith(ScriptedPeer.passingOnTo(itlAddress));
        assertEquals(1, propose("CDM2000001").getResultIdentifier(), "passed on, the real answer is accepted");
        byte[] captured = peer.lastReply().body();

        peer.answerWith(ScriptedPeer.always(200, captured));

        assertThrows(WebServiceException.class, () -> propose("CDM2000002"),
                "the receipt of CDM2000001 is not the answer to CDM2000002");
    }

    @Test
    void aRefusalCapturedFromOneExchangeIsNotAcceptedAsTheAnswerToAnother() throws Exception {
        peer.answerWith(ScriptedPeer.passingOnTo(itlAddress));
        RefusalFault real = assertThrows(RefusalFault.class, () -> client.acceptProposal(WireSamples.proposalToLog("CDM", "ITL", schemaBreaking("CDM2000003"))));
        assertEquals(1011, real.getFaultInfo().getResponseCode(), "passed on, the real refusal is a refusal");
        byte[] captured = peer.lastReply().body();

        peer.answerWith(ScriptedPeer.always(500, captured));

        Exception answer = assertThrows(Exception.class, () -> propose("CDM2000004"));
        assertFalse(answer instanceof RefusalFault, "the refusal of CDM2000003 is not the answer to CDM2000004: " + answer);
    }

    @Test
    void aReceiptWhoseSignatureDoesNotCoverItsConfirmationIsNotAccepted() {
        peer.answerWith((request, action) -> {
            Matcher value = SIGNATURE_VALUE.matcher(new String(request, StandardCharsets.UTF_8));
            assertTrue(value.find(), "the request is signed");
            try {
                String signed = SignedEnvelopes.sign(RECEIPT_WITHOUT_CONFIRMATION.getBytes(StandardCharsets.UTF_8),
                        TestPki.credential("ITL"), Instant.now());
                String echo = "<wsse11:SignatureConfirmation xmlns:wsse11=\"http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd\""
                        + " xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\""
                        + " Value=\"" + value.group(1).replaceAll("\\s", "") + "\" wsu:Id=\"SC-added\"/>";
                return new ScriptedPeer.Reply(200, signed.replace("</wsse:Security>", echo + "</wsse:Security>")
                        .getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThrows(WebServiceException.class, () -> propose("CDM2000010"),
                "an ITL-signed receipt with an echo of our signature value that its signature does not cover proves nothing");
    }

    @Test
    void aRefusalSignedByANodeOtherThanTheOneCalledIsNotTakenAsARefusal() {
        peer.answerWith(ScriptedPeer.passingOnTo(impostorAddress));

        Exception answer = assertThrows(Exception.class, () -> client.acceptProposal(WireSamples.proposalToLog("CDM", "ITL", schemaBreaking("CDM2000005"))));

        assertFalse(answer instanceof RefusalFault, "JP's refusal is no answer of the ITL: " + answer);
        assertTrue(new String(peer.lastReply().body(), StandardCharsets.UTF_8).contains("SignatureValue"),
                "the impostor's refusal was signed (by JP)");
    }

    @Test
    void aReceiptSignedByANodeOtherThanTheOneCalledIsNotAccepted() {
        peer.answerWith(ScriptedPeer.passingOnTo(impostorAddress));

        assertThrows(WebServiceException.class, () -> propose("CDM2000006"));
    }

    @Test
    void anUnsignedRefusalIsNotTakenAsARefusal() {
        peer.answerWith(ScriptedPeer.always(500, unsignedRefusal(1011)));

        Exception answer = assertThrows(Exception.class, () -> propose("CDM2000007"));

        assertFalse(answer instanceof RefusalFault, "an unsigned refusal is no trustworthy answer: " + answer);
    }

    @Test
    void aReplyLargerThanTheCapIsNoReceipt() {
        String padding = "<!--" + "x".repeat(SoapClients.MAX_REPLY_BYTES) + "-->";
        peer.answerWith((request, action) -> {
            ScriptedPeer.Reply real = ScriptedPeer.passingOnTo(itlAddress).answer(request, action);
            String body = new String(real.body(), StandardCharsets.UTF_8);
            int bodyStart = body.indexOf('>', body.indexOf(":Body")) + 1;
            String padded = body.substring(0, bodyStart) + padding + body.substring(bodyStart);
            return new ScriptedPeer.Reply(real.status(), padded.getBytes(StandardCharsets.UTF_8));
        });

        assertThrows(WebServiceException.class, () -> propose("CDM2000008"));
    }

    @Test
    void aStatusAnswerAboutAnotherTransactionIsNotApplied() {
        statusToAnswer = new Receipt.TransactionStatusReport("CDM999", TransactionStatus.TERMINATED,
                Instant.parse("2024-03-14T09:30:00Z"), List.of());
        try (LogStatusQuery query = new LogStatusQuery("CDM", itlAddress, TestPki.signatures(TestPki.credential("CDM")),
                Duration.ofSeconds(30))) {

            Optional<Receipt.TransactionStatusReport> answer = query.statusOf(TransactionId.parse("CDM123"));

            assertEquals(Optional.empty(), answer, "the ITL's answer is about CDM999, not CDM123");
        }
    }

    @Test
    void aStatusAnswerAboutTheTransactionAskedIsApplied() {
        statusToAnswer = new Receipt.TransactionStatusReport("CDM124", TransactionStatus.COMPLETED,
                Instant.parse("2024-03-14T09:30:00Z"), List.of());
        try (LogStatusQuery query = new LogStatusQuery("CDM", itlAddress, TestPki.signatures(TestPki.credential("CDM")),
                Duration.ofSeconds(30))) {

            Optional<Receipt.TransactionStatusReport> answer = query.statusOf(TransactionId.parse("CDM124"));

            assertEquals(TransactionStatus.COMPLETED, answer.orElseThrow().status());
        }
    }

    @Test
    void aRefusalFromTheNodeCalledIsARefusalForTheOutbox() {
        peer.answerWith(ScriptedPeer.passingOnTo(itlAddress));

        assertEquals(Optional.of(SendOutcome.REFUSED), sendThroughTheOutbox(schemaBreaking("CDM2000011")));
    }

    @Test
    void aRefusalFromTheWrongSignerLeavesTheMessageInTheOutboxForAnotherAttempt() {
        peer.answerWith(ScriptedPeer.passingOnTo(impostorAddress));

        assertEquals(Optional.of(SendOutcome.NO_RECEIPT), sendThroughTheOutbox(schemaBreaking("CDM2000012")),
                "JP's signed refusal is no receipt from the ITL");
    }

    private Optional<SendOutcome> sendThroughTheOutbox(DesProposal proposal) {
        MutableClock clock = new MutableClock(Instant.parse("2024-03-14T09:30:00Z"));
        Peers peers = code -> Optional.of(Peer.transactionLog("ITL", peer.address()));
        try (var database = TestDatabase.open(TestDatabase.freshSchemaName(), 2)) {
            Transactor transactor = TestDatabase.transactor(database);
            transactor.inTransaction(connection -> Outbox.enqueue(connection,
                    OutboundMessage.of("CDM", "ITL", Wire.LOG_ACCEPT_PROPOSAL, proposal), clock.instant()));
            try (OutboxSender sender = new OutboxSender(transactor, peers, TestPki.signatures(TestPki.credential("CDM")),
                    RetrySchedule.standard(), clock, Duration.ofSeconds(30))) {
                return sender.deliverOne();
            }
        }
    }

    private org.itlgateway.schemas.v1.types.DesReceipt propose(String transactionId) throws RefusalFault {
        return client.acceptProposal(WireSamples.proposalToLog("CDM", "ITL", WireSamples.cdmIssuance(transactionId)));
    }

    private static DesProposal schemaBreaking(String transactionId) {
        DesProposal proposal = WireSamples.cdmIssuance(transactionId);
        proposal.getProposalUnitBlocks().getUnitBlock().get(0).setUnitType(9);
        return proposal;
    }

    private static byte[] unsignedRefusal(int code) {
        return ("""
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>
                <faultcode>soap:Client</faultcode><faultstring>%d refused</faultstring>
                <detail><des:refusal xmlns:des="urn:itlgateway:des:1.0"><des:responseCode>%d</des:responseCode>
                <des:reason>refused</des:reason></des:refusal></detail></soap:Fault></soap:Body></soap:Envelope>
                """.formatted(code, code)).getBytes(StandardCharsets.UTF_8);
    }
}
