package org.itlgateway.gateway.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.cxf.endpoint.Server;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.security.MessageSignatures;
import org.itlgateway.gateway.support.RawSoap;
import org.itlgateway.gateway.support.RecordingReceiver;
import org.itlgateway.gateway.support.SignedEnvelopes;
import org.itlgateway.gateway.support.TestPki;
import org.itlgateway.gateway.support.WireSamples;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.v1.transactionlog.RefusalFault;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
import org.itlgateway.schemas.v1.types.DesProposal;
import org.itlgateway.schemas.v1.types.DesReceipt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every message is signed and verified over real HTTP; what is not properly signed never reaches the node. */
class SignedMessagesTest {

    private static final String ACCEPT_PROPOSAL = "urn:itlgateway:des:1.0:transactionlog/acceptProposal";
    private static final RecordingReceiver RECEIVER = new RecordingReceiver();
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
    void aSignedProposalIsReceiptedAndReachesTheNodeWithItsSigner() throws Exception {
        DesReceipt receipt = call(TestPki.credential("CDM"), "CDM", WireSamples.cdmIssuance("CDM1000001"));

        assertEquals(1, receipt.getResultIdentifier());
        assertEquals(1, RECEIVER.received().size());
        InboundMessage message = RECEIVER.received().get(0);
        assertEquals(Operation.LOG_ACCEPT_PROPOSAL, message.operation());
        assertEquals("CDM", message.signer());
        assertEquals("CDM1000001", message.content(Wire.LOG_ACCEPT_PROPOSAL).getTransactionIdentifier());
        String raw = new String(message.rawXml(), StandardCharsets.UTF_8);
        assertTrue(raw.contains("SignatureValue"), "the signed XML is kept as received");
    }

    @Test
    void anRsaSignedProposalIsAcceptedToo() throws Exception {
        assertEquals(1, call(TestPki.rsaCredential("CDM"), "CDM", WireSamples.cdmIssuance("CDM1000002")).getResultIdentifier());
    }

    @Test
    void anUnsignedMessageIsRefusedWith1002() {
        HttpResponse<String> response = RawSoap.post(address, ACCEPT_PROPOSAL, unsignedProposal());

        assertEquals(500, response.statusCode());
        assertEquals(1002, RawSoap.refusalCode(response.body()), response.body());
        assertNothingReachedTheNode(response);
    }

    @Test
    void aRegistryCannotSpeakForAnotherAndIsRefusedWith1007() {
        RefusalFault fault = assertThrows(RefusalFault.class,
                () -> call(TestPki.credential("JP"), "CDM", WireSamples.cdmIssuance("CDM1000003")));

        assertEquals(1007, codeOf(fault));
        assertTrue(RECEIVER.received().isEmpty());
    }

    // A request signed with a certificate that does not verify never authenticated: its refusal is unsigned, so
    // these read the code from the raw reply (a client takes an unsigned refusal as no answer at all).
    @Test
    void aCertificateFromAnotherCaIsRefusedWith1004() throws Exception {
        HttpResponse<String> response = postSignedBy(TestPki.rogueCredential("CDM"));

        assertEquals(1004, RawSoap.refusalCode(response.body()), response.body());
        assertNothingReachedTheNode(response);
    }

    @Test
    void aRevokedCertificateIsRefusedWith1005() throws Exception {
        HttpResponse<String> response = postSignedBy(TestPki.revokedCredential("CDM"));

        assertEquals(1005, RawSoap.refusalCode(response.body()), response.body());
        assertNothingReachedTheNode(response);
    }

    @Test
    void anExpiredCertificateIsRefusedWith1006() throws Exception {
        HttpResponse<String> response = postSignedBy(TestPki.expiredCredential("CDM"));

        assertEquals(1006, RawSoap.refusalCode(response.body()), response.body());
        assertNothingReachedTheNode(response);
    }

    private static HttpResponse<String> postSignedBy(Credential credential) throws Exception {
        String signed = SignedEnvelopes.sign(unsignedProposal(), credential, java.time.Instant.now());
        return RawSoap.post(address, ACCEPT_PROPOSAL, signed.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMessageThatBreaksTheSchemaIsRefusedWith1011() {
        DesProposal proposal = WireSamples.cdmIssuance("CDM1000005");
        proposal.getProposalUnitBlocks().getUnitBlock().get(0).setUnitType(9);

        RefusalFault fault = assertThrows(RefusalFault.class,
                () -> call(TestPki.credential("CDM"), "CDM", proposal));

        assertEquals(1011, codeOf(fault));
        assertTrue(RECEIVER.received().isEmpty());
    }

    @Test
    void aReplayedSignedMessageIsRefused() throws Exception {
        call(TestPki.credential("CDM"), "CDM", WireSamples.cdmIssuance("CDM1000006"));
        byte[] signed = RECEIVER.received().get(0).rawXml();
        RECEIVER.received().clear();

        HttpResponse<String> response = RawSoap.post(address, ACCEPT_PROPOSAL, signed);

        assertEquals(500, response.statusCode());
        assertEquals(1008, RawSoap.refusalCode(response.body()), response.body());
        assertNothingReachedTheNode(response);
    }

    @Test
    void aBodyChangedAfterSigningIsRefusedWith1003() throws Exception {
        String signed = SignedEnvelopes.sign(unsignedProposal(), TestPki.credential("CDM"), java.time.Instant.now());
        String tampered = signed.replace("<des:unitSerialBlockEnd>10</des:unitSerialBlockEnd>",
                "<des:unitSerialBlockEnd>10000</des:unitSerialBlockEnd>");
        assertTrue(!tampered.equals(signed), "the body was changed");

        HttpResponse<String> response = RawSoap.post(address, ACCEPT_PROPOSAL, tampered.getBytes(StandardCharsets.UTF_8));

        assertEquals(1003, RawSoap.refusalCode(response.body()), response.body());
        assertNothingReachedTheNode(response);
    }

    @Test
    void aMessageWhoseBodyIsNotSignedIsRefusedWith1003() throws Exception {
        String timestampOnly = SignedEnvelopes.sign(unsignedProposal(), TestPki.credential("CDM"), java.time.Instant.now(), false);

        HttpResponse<String> response = RawSoap.post(address, ACCEPT_PROPOSAL, timestampOnly.getBytes(StandardCharsets.UTF_8));

        assertEquals(1003, RawSoap.refusalCode(response.body()), response.body());
        assertNothingReachedTheNode(response);
    }

    @Test
    void aSignedBodyMovedAsideAndReplacedIsRefusedWith1003() throws Exception {
        String signed = SignedEnvelopes.sign(unsignedProposal(), TestPki.credential("CDM"), java.time.Instant.now());
        int bodyStart = signed.indexOf("<soap:Body");
        int bodyEnd = signed.indexOf("</soap:Body>") + "</soap:Body>".length();
        String signedBody = signed.substring(bodyStart, bodyEnd);
        String forgedBody = signedBody.replaceAll("wsu:Id=\"[^\"]+\"", "")
                .replace("<des:unitSerialBlockEnd>10</des:unitSerialBlockEnd>", "<des:unitSerialBlockEnd>99999</des:unitSerialBlockEnd>");
        String wrapped = signed.substring(0, bodyStart)
                .replace("</soap:Header>", "<Wrapper xmlns=\"urn:attacker\">" + signedBody.replace("soap:Body", "soap:Stowaway")
                        .replace("<soap:Stowaway", "<soap:Stowaway") + "</Wrapper></soap:Header>")
                + forgedBody + signed.substring(bodyEnd);

        HttpResponse<String> response = RawSoap.post(address, ACCEPT_PROPOSAL, wrapped.getBytes(StandardCharsets.UTF_8));

        assertEquals(1003, RawSoap.refusalCode(response.body()), response.body());
        assertNothingReachedTheNode(response);
    }

    @Test
    void aMessageWhoseTimestampIsAnHourOldIsRefusedWith1009() throws Exception {
        String stale = SignedEnvelopes.sign(unsignedProposal(), TestPki.credential("CDM"),
                java.time.Instant.now().minus(Duration.ofHours(1)));

        HttpResponse<String> response = RawSoap.post(address, ACCEPT_PROPOSAL, stale.getBytes(StandardCharsets.UTF_8));

        assertEquals(1009, RawSoap.refusalCode(response.body()), response.body());
        assertNothingReachedTheNode(response);
    }

    @Test
    void aMessageSignedByAnotherToolkitWithTheWsdlsSoapActionIsAccepted() throws Exception {
        String fresh = SignedEnvelopes.sign(unsignedProposal(), TestPki.credential("CDM"), java.time.Instant.now());

        HttpResponse<String> response = RawSoap.post(address, ACCEPT_PROPOSAL, fresh.getBytes(StandardCharsets.UTF_8));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(1, RECEIVER.received().size(), "signed by hand, with the SOAPAction the WSDL names, it passes");
    }

    @Test
    void anExternalEntityIsRefusedWith1013() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE x [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>&secret;</soap:Body></soap:Envelope>
                """;
        HttpResponse<String> response = RawSoap.post(address, ACCEPT_PROPOSAL, xxe.getBytes(StandardCharsets.UTF_8));

        assertEquals(1013, RawSoap.refusalCode(response.body()), response.body());
        assertFalse(response.body().contains("root:"), "the file was not read");
        assertNothingReachedTheNode(response);
    }

    @Test
    void aBillionLaughsPayloadIsRefusedWith1013() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [" + entities + "]>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>&lol9;</soap:Body></soap:Envelope>";
        HttpResponse<String> response = RawSoap.post(address, ACCEPT_PROPOSAL, bomb.getBytes(StandardCharsets.UTF_8));

        assertEquals(1013, RawSoap.refusalCode(response.body()), response.body());
        assertNothingReachedTheNode(response);
    }

    @Test
    void anOversizedMessageIsRefusedWith1012() {
        String padding = "<!--" + "x".repeat(9 * 1024 * 1024) + "-->";
        byte[] big = new String(unsignedProposal(), StandardCharsets.UTF_8).replace("<soap:Body>", "<soap:Body>" + padding)
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = RawSoap.post(address, ACCEPT_PROPOSAL, big);

        assertEquals(1012, RawSoap.refusalCode(response.body()), response.body());
        assertNothingReachedTheNode(response);
    }

    @Test
    void deeplyNestedXmlIsRefusedWith1012() {
        String deep = "<a>".repeat(5000) + "</a>".repeat(5000);
        byte[] body = new String(unsignedProposal(), StandardCharsets.UTF_8).replace("<soap:Body>", "<soap:Body>" + deep)
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = RawSoap.post(address, ACCEPT_PROPOSAL, body);

        assertEquals(1012, RawSoap.refusalCode(response.body()), response.body());
        assertNothingReachedTheNode(response);
    }

    @Test
    void aSoapActionThatDoesNotMatchTheBodyIsRefusedWith1014() throws IOException {
        TransactionLogPortType client = SoapClients.transactionLog(address, "ITL",
                TestPki.signatures(TestPki.credential("CDM")), Duration.ofSeconds(30));
        try {
            var context = ((jakarta.xml.ws.BindingProvider) client).getRequestContext();
            context.put(jakarta.xml.ws.BindingProvider.SOAPACTION_USE_PROPERTY, Boolean.TRUE);
            context.put(jakarta.xml.ws.BindingProvider.SOAPACTION_URI_PROPERTY,
                    "urn:itlgateway:des:1.0:transactionlog/receiveTotals");
            RefusalFault fault = assertThrows(RefusalFault.class,
                    () -> client.acceptProposal(WireSamples.proposalToLog("CDM", "ITL", WireSamples.cdmIssuance("CDM1000007"))));
            assertEquals(1014, codeOf(fault));
            assertTrue(RECEIVER.received().isEmpty());
        } finally {
            ((Closeable) client).close();
        }
    }

    private static DesReceipt call(Credential credential, String from, DesProposal proposal) throws IOException, RefusalFault {
        MessageSignatures signatures = TestPki.signatures(credential);
        TransactionLogPortType client = SoapClients.transactionLog(address, "ITL", signatures, Duration.ofSeconds(30));
        try {
            return client.acceptProposal(WireSamples.proposalToLog(from, "ITL", proposal));
        } finally {
            ((Closeable) client).close();
        }
    }

    private static int codeOf(RefusalFault fault) {
        assertTrue(fault.getFaultInfo() != null, "the fault carries a refusal detail: " + fault.getMessage());
        assertFalse(fault.getFaultInfo().getReason().isBlank(), "the refusal says why");
        return fault.getFaultInfo().getResponseCode();
    }

    private static void assertNothingReachedTheNode(HttpResponse<String> response) {
        assertTrue(RECEIVER.received().isEmpty(), "the refused message reached the node");
        assertFalse(response.body().contains("\tat "), "the fault carries no stack trace");
        assertFalse(response.body().contains("Exception"), "the fault names no exception: " + response.body());
    }

    private static byte[] unsignedProposal() {
        return """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
                  <soap:Body>
                    <svc:acceptProposal xmlns:svc="urn:itlgateway:des:1.0:transactionlog" xmlns:des="urn:itlgateway:des:1.0">
                      <des:from>CDM</des:from><des:to>ITL</des:to><des:majorVersion>1</des:majorVersion><des:minorVersion>0</des:minorVersion>
                      <svc:proposedTransaction>
                        <des:transactionIdentifier>CDM1</des:transactionIdentifier><des:transactionType>1</des:transactionType>
                        <des:suppTransactionType>0</des:suppTransactionType><des:transferringRegistryCode>CDM</des:transferringRegistryCode>
                        <des:acquiringRegistryCode>CDM</des:acquiringRegistryCode>
                        <des:proposalUnitBlocks><des:unitBlock><des:unitSerialBlockStart>1</des:unitSerialBlockStart><des:unitSerialBlockEnd>10</des:unitSerialBlockEnd>
                        <des:originatingRegistryCode>CDM</des:originatingRegistryCode><des:unitType>5</des:unitType><des:suppUnitType>0</des:suppUnitType>
                        <des:originalCommitPeriod>2</des:originalCommitPeriod><des:applicableCommitPeriod>2</des:applicableCommitPeriod>
                        <des:projectIdentifier>1</des:projectIdentifier></des:unitBlock></des:proposalUnitBlocks>
                      </svc:proposedTransaction>
                    </svc:acceptProposal>
                  </soap:Body>
                </soap:Envelope>
                """.getBytes(StandardCharsets.UTF_8);
    }
}
