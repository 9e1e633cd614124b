package org.itlgateway.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.xml.ws.WebServiceException;
import java.io.Closeable;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.itlgateway.gateway.support.InboxedLog;
import org.itlgateway.gateway.support.OddCertificates;
import org.itlgateway.gateway.support.ProposalEnvelopes;
import org.itlgateway.gateway.support.RawSoap;
import org.itlgateway.gateway.support.SignedEnvelopes;
import org.itlgateway.gateway.support.TestPki;
import org.itlgateway.gateway.support.WireSamples;
import org.itlgateway.gateway.transport.SoapClients;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who sent a message is the key that verified the one signature over its Body and Timestamp, nothing else in
 * the header: a token no signature uses, a second signature or a certificate naming two nodes is refused before
 * anything is kept.
 */
class SignerIdentityTest {

    private static InboxedLog itl;

    @BeforeAll
    static void start() {
        itl = InboxedLog.start();
    }

    @AfterAll
    static void stop() {
        itl.close();
    }

    @Test
    void aProposalSignedByJapanCarryingASelfSignedTokenNamingCdmIsRefusedWith1003() throws Exception {
        String forged = SignedEnvelopes.of(ProposalEnvelopes.proposal("CDM", "CDM9100001"))
                .by(TestPki.credential("JP"))
                .withExtraToken(OddCertificates.selfSigned("CDM"))
                .sign();

        assertRefusedAndNotKept(1003, itl.propose(forged), "CDM9100001");
    }

    @Test
    void aProposalSignedByJapanCarryingCdmsRealCertificateAsAnExtraTokenIsRefusedWith1003() throws Exception {
        String forged = SignedEnvelopes.of(ProposalEnvelopes.proposal("CDM", "CDM9100002"))
                .by(TestPki.credential("JP"))
                .withExtraToken(TestPki.credential("CDM").certificate())
                .sign();

        assertRefusedAndNotKept(1003, itl.propose(forged), "CDM9100002");
    }

    @Test
    void aProposalCarryingTwoSignaturesIsRefusedWith1003() throws Exception {
        String twice = SignedEnvelopes.of(ProposalEnvelopes.proposal("JP", "JP9100003"))
                .by(TestPki.credential("JP"))
                .withSecondSignatureBy(TestPki.credential("NZ"))
                .sign();

        assertRefusedAndNotKept(1003, itl.propose(twice), "JP9100003");
    }

    @Test
    void aProposalSignedWithACertificateNamingTwoNodesIsRefusedWith1007() throws Exception {
        String ambiguous = SignedEnvelopes.of(ProposalEnvelopes.proposal("CDM", "CDM9100004"))
                .by(OddCertificates.withTwoCommonNames("JP", "CDM"))
                .sign();

        assertRefusedAndNotKept(1007, itl.propose(ambiguous), "CDM9100004");
    }

    @Test
    void aProperlySignedProposalIsStillReceiptedAndKept() throws Exception {
        String signed = SignedEnvelopes.of(ProposalEnvelopes.proposal("CDM", "CDM9100005")).by(TestPki.credential("CDM")).sign();

        HttpResponse<String> response = itl.propose(signed);

        assertEquals(200, response.statusCode(), () -> faultOf(response.body()));
        assertEquals(1, itl.inboxRowsOf("CDM9100005"));
    }

    @Test
    void aReceiptSignedByJapanCarryingTheItlsCertificateAsAnExtraTokenIsNotTakenAsTheItls() throws Exception {
        HttpServer fakeItl = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fakeItl.createContext("/itl", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] receipt;
            try {
                receipt = SignedEnvelopes.of(RECEIPT.getBytes(StandardCharsets.UTF_8))
                        .by(TestPki.credential("JP"))
                        .withExtraToken(TestPki.credential("ITL").certificate())
                        .sign().getBytes(StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new java.io.IOException(e);
            }
            exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=UTF-8");
            exchange.sendResponseHeaders(200, receipt.length);
            exchange.getResponseBody().write(receipt);
            exchange.close();
        });
        fakeItl.start();
        TransactionLogPortType client = SoapClients.transactionLog(
                "http://127.0.0.1:" + fakeItl.getAddress().getPort() + "/itl", "ITL",
                TestPki.signatures(TestPki.credential("CDM")), Duration.ofSeconds(30));
        try {
            WebServiceException refused = assertThrows(WebServiceException.class,
                    () -> client.acceptProposal(WireSamples.proposalToLog("CDM", "ITL", WireSamples.cdmIssuance("CDM9100006"))));
            // Answers must also confirm the request's signature (AnswerBindingTest); this forged receipt does not,
            // and whichever of the two rules is checked first refuses it.
            String why = String.valueOf(refused.getMessage());
            assertTrue(why.contains("security token that its signature does not use") || why.contains("Signature confirmation"),
                    refused::toString);
        } finally {
            ((Closeable) client).close();
            fakeItl.stop(0);
        }
    }

    private static final String RECEIPT = """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>\
            <ns2:acceptProposalResponse xmlns="urn:itlgateway:des:1.0" xmlns:ns2="urn:itlgateway:des:1.0:transactionlog">\
            <resultIdentifier>1</resultIdentifier></ns2:acceptProposalResponse>\
            </soap:Body></soap:Envelope>""";

    private static void assertRefusedAndNotKept(int code, HttpResponse<String> response, String transactionId) {
        assertEquals(code, RawSoap.refusalCode(response.body()), () -> faultOf(response.body()));
        assertEquals(500, response.statusCode());
        assertEquals(0, itl.inboxRowsOf(transactionId), "nothing reached the inbox");
    }

    static String faultOf(String body) {
        int start = body.indexOf("<faultstring>");
        return start < 0 ? body.substring(Math.max(0, body.length() - 300)) : body.substring(start, body.indexOf("</faultstring>"));
    }
}
