package org.itlgateway.testkit.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.xml.ws.WebServiceException;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.gateway.pki.CertificateAuthority;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.pki.KeyAlgorithm;
import org.itlgateway.gateway.pki.PkiFiles;
import org.itlgateway.gateway.security.MessageSignatures;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.gateway.transport.SoapClients;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.DesContract;
import org.itlgateway.schemas.v1.transactionlog.GetTransactionStatus;
import org.itlgateway.schemas.v1.transactionlog.RefusalFault;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
import org.itlgateway.schemas.v1.types.DesAdministrativeMessage;
import org.itlgateway.schemas.v1.types.DesProposal;
import org.itlgateway.schemas.v1.types.DesProposalUnitBlockList;
import org.itlgateway.schemas.v1.types.DesReceipt;
import org.itlgateway.schemas.v1.types.DesUnitBlock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry developer's test against the ITL stub: the CDM registry's client (the gateway's own, with every check
 * it makes of an answer: signature verified against the CA, signed by CN=ITL, confirming the request's signature)
 * sends signed requests to the stub over real HTTP and takes its answers as the real ITL's.
 */
class ItlStubTest {

    private static final Instant NOW = Instant.now();
    private static final CertificateAuthority CA =
            CertificateAuthority.create("Registry Test CA", KeyAlgorithm.EC_P256, NOW, Duration.ofDays(365));
    private static final Credential ITL = issue("ITL");
    private static final Credential CDM = issue("CDM");

    private WireMockServer stub;
    private TransactionLogPortType client;

    @BeforeEach
    void start() {
        stub = ItlStub.start(ITL, CA.certificate());
        client = clientSigningAs(CDM);
    }

    @AfterEach
    void stop() throws IOException {
        ((Closeable) client).close();
        stub.stop();
    }

    @Test
    void aSignedProposalGetsAReceiptTheRegistrysClientAcceptsAsTheItls() throws Exception {
        DesReceipt receipt = client.acceptProposal(Wire.LOG_ACCEPT_PROPOSAL.element(header("CDM", "ITL"), issuance("CDM4000001")));

        assertEquals(1, receipt.getResultIdentifier());
        assertEquals("ITL TransactionLogService acceptProposal: signed receipt",
                stub.getAllServeEvents().get(0).getStubMapping().getName(), "answered by the operation's mapping");
        assertEquals(1, stub.findAll(postRequestedFor(urlEqualTo("/itl")).withRequestBody(containing("acceptProposal"))).size());
    }

    @Test
    void theReceiptIsSignedByTheItlAndConfirmsTheRequestsSignature() throws Exception {
        client.acceptProposal(Wire.LOG_ACCEPT_PROPOSAL.element(header("CDM", "ITL"), issuance("CDM4000002")));

        String answer = stub.getAllServeEvents().get(0).getResponse().getBodyAsString();
        String request = stub.getAllServeEvents().get(0).getRequest().getBodyAsString();
        assertTrue(answer.contains("acceptProposalResponse"), answer);
        assertTrue(answer.contains(signatureValueOf(request)),
                "the receipt's SignatureConfirmation echoes the request's signature value: " + answer);
    }

    @Test
    void aStubAnsweringAsAnotherNodeIsNotTakenForTheItl() throws Exception {
        stub.stop();
        stub = ItlStub.start(issue("JP"), CA.certificate());
        ((Closeable) client).close();
        client = clientSigningAs(CDM);

        WebServiceException refused = assertThrows(WebServiceException.class,
                () -> client.acceptProposal(Wire.LOG_ACCEPT_PROPOSAL.element(header("CDM", "ITL"), issuance("CDM4000003"))));

        assertTrue(String.valueOf(refused.getCause()).contains("the answer from ITL is signed by JP"), String.valueOf(refused));
    }

    @Test
    void theStubStartsFromThePkiToolsFiles(@TempDir Path pki) throws Exception {
        PkiFiles.writeCertificates(pki.resolve("ITL.crt.pem"), ITL.chain());
        PkiFiles.writePrivateKey(pki.resolve("ITL.key.pem"), ITL.privateKey());
        PkiFiles.writeCertificates(pki.resolve("ca.crt.pem"), List.of(CA.certificate()));
        stub.stop();
        stub = ItlStub.start(pki.resolve("ITL.crt.pem"), pki.resolve("ITL.key.pem"), pki.resolve("ca.crt.pem"));
        ((Closeable) client).close();
        client = clientSigningAs(CDM);

        DesReceipt receipt = client.acceptMessage(Wire.LOG_ACCEPT_MESSAGE.element(header("CDM", "ITL"), message()));

        assertEquals(1, receipt.getResultIdentifier());
    }

    @Test
    void everyOperationHasAMappingAndTheStatusAnswerCarriesTheIdentifierAsked() throws Exception {
        assertEquals(ItlResponder.OPERATIONS.size() + 1, ItlStub.mappings().size());
        GetTransactionStatus question = Wire.LOG_GET_TRANSACTION_STATUS.element(header("CDM", "ITL"), "CDM4000004");

        var status = client.getTransactionStatus(question);

        assertEquals(1, status.getResultIdentifier());
        assertEquals("CDM4000004", status.getTransactionIdentifier());
    }

    @Test
    void aMappingOfYourOwnSaysWhatTheItlAnswersARefusalFaultAmongThem() {
        stub.stubFor(post(urlEqualTo("/itl")).atPriority(1)
                .withRequestBody(containing("acceptProposal"))
                .willReturn(aResponse().withTransformers(SignedItlReceipts.NAME)
                        .withTransformerParameter("refusal", java.util.Map.of("responseCode", 1024,
                                "reason", "the proposal's transferring registry is not its sender"))));

        RefusalFault refusal = assertThrows(RefusalFault.class,
                () -> client.acceptProposal(Wire.LOG_ACCEPT_PROPOSAL.element(header("CDM", "ITL"), issuance("CDM4000005"))));

        assertEquals(1024, refusal.getFaultInfo().getResponseCode(), "a signed refusal is a refusal");
    }

    @Test
    void aRequestWhoseSignerIsNotItsSenderIsRefusedWith1007() {
        RefusalFault refusal = assertThrows(RefusalFault.class,
                () -> client.acceptProposal(Wire.LOG_ACCEPT_PROPOSAL.element(header("JP", "ITL"), issuance("CDM4000006"))));

        assertEquals(1007, refusal.getFaultInfo().getResponseCode());
    }

    @Test
    void anUnsignedRequestGetsAnUnsignedFault() throws Exception {
        String unsigned = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<tl:acceptMessage xmlns:tl=\"" + DesContract.TRANSACTION_LOG_NAMESPACE + "\" xmlns:des=\""
                + DesContract.TYPES_NAMESPACE + "\"><des:from>CDM</des:from><des:to>ITL</des:to>"
                + "<des:majorVersion>1</des:majorVersion><des:minorVersion>1</des:minorVersion></tl:acceptMessage>"
                + "</soap:Body></soap:Envelope>";

        HttpResponse<String> answer = send(unsigned, "\"" + DesContract.TRANSACTION_LOG_NAMESPACE + "/acceptMessage\"");

        assertEquals(500, answer.statusCode());
        assertTrue(answer.body().contains("<des:responseCode>1002</des:responseCode>"), answer.body());
        assertFalse(answer.body().contains("SignatureValue"), "no signature is spent on an anonymous sender");
    }

    @Test
    void somethingThatIsNotSoapGetsAFaultToo() throws Exception {
        HttpResponse<String> answer = send("this is not XML", "\"" + DesContract.TRANSACTION_LOG_NAMESPACE + "/acceptProposal\"");

        assertEquals(500, answer.statusCode());
        assertTrue(answer.body().contains("<des:responseCode>1011</des:responseCode>"), answer.body());
        assertEquals(1, stub.findAll(postRequestedFor(urlEqualTo("/itl")).withHeader("SOAPAction", equalTo(
                "\"" + DesContract.TRANSACTION_LOG_NAMESPACE + "/acceptProposal\""))).size());
    }

    private HttpResponse<String> send(String body, String soapAction) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/itl"))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", soapAction)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private TransactionLogPortType clientSigningAs(Credential registry) {
        MessageSignatures signatures = new MessageSignatures(new SigningSettings(registry,
                TrustSettings.of(CA.certificate(), () -> List.of(CA.publishCrl(Instant.now(), Duration.ofDays(1))))));
        return SoapClients.transactionLog(stub.baseUrl() + "/itl", "ITL", signatures, Duration.ofSeconds(30));
    }

    private static String signatureValueOf(String envelope) {
        int start = envelope.indexOf('>', envelope.indexOf("SignatureValue")) + 1;
        return envelope.substring(start, envelope.indexOf('<', start)).replaceAll("\\s", "");
    }

    private static DesAdministrativeMessage message() {
        DesAdministrativeMessage message = new DesAdministrativeMessage();
        message.setMessageDateTime(NOW);
        message.setMessageContent("a test of the registry's client");
        return message;
    }

    private static Credential issue(String node) {
        return CA.issueNodeCertificate(node, KeyAlgorithm.EC_P256, NOW.minus(Duration.ofDays(1)), Duration.ofDays(30));
    }

    private static Envelope header(String from, String to) {
        return new Envelope(from, to, DesContract.MAJOR_VERSION, DesContract.MINOR_VERSION);
    }

    /** The CDM registry's issuance of 10,000 CERs of project 1234 into its pending account. */
    private static DesProposal issuance(String transactionId) {
        DesProposal proposal = new DesProposal();
        proposal.setTransactionIdentifier(transactionId);
        proposal.setTransactionType(1);
        proposal.setSuppTransactionType(0);
        proposal.setTransferringRegistryCode("CDM");
        proposal.setAcquiringRegistryCode("CDM");
        proposal.setAcquiringRegistryAccountType(110);
        proposal.setAcquiringRegistryAccountIdentifier(1000L);
        proposal.setProposalDateTime(NOW);
        DesProposalUnitBlockList blocks = new DesProposalUnitBlockList();
        DesUnitBlock block = new DesUnitBlock();
        block.setUnitSerialBlockStart(1_000_001L);
        block.setUnitSerialBlockEnd(1_010_000L);
        block.setOriginatingRegistryCode("CDM");
        block.setUnitType(5);
        block.setSuppUnitType(0);
        block.setOriginalCommitPeriod(2);
        block.setApplicableCommitPeriod(2);
        block.setProjectIdentifier(1234);
        blocks.getUnitBlock().add(block);
        proposal.setProposalUnitBlocks(blocks);
        return proposal;
    }
}
