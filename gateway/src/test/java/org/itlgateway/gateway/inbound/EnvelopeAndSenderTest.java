package org.itlgateway.gateway.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import org.itlgateway.gateway.support.InboxedLog;
import org.itlgateway.gateway.support.ProposalEnvelopes;
import org.itlgateway.gateway.support.RawSoap;
import org.itlgateway.gateway.support.SignedEnvelopes;
import org.itlgateway.gateway.support.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the receipt must not let through: an envelope with a second Body after the signed one, and a proposal
 * whose transferring registry is not the registry that sent it (the ITL would then write its verdict to a
 * registry that never proposed anything). Both are refused before the receipt, and nothing is kept.
 */
class EnvelopeAndSenderTest {

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
    void anEnvelopeWithASecondBodyAfterTheSignedOneIsRefusedWith1013() throws Exception {
        String signed = SignedEnvelopes.of(ProposalEnvelopes.proposal("CDM", "CDM9400001")).by(TestPki.credential("CDM")).sign();
        int end = signed.indexOf("</soap:Body>") + "</soap:Body>".length();
        String twoBodies = signed.substring(0, end) + ProposalEnvelopes.body("CDM", "CDM9400002", "CDM") + signed.substring(end);

        HttpResponse<String> response = itl.propose(twoBodies);

        assertEquals(1013, RawSoap.refusalCode(response.body()), () -> faultOf(response.body()));
        assertEquals(0, itl.inboxRowsOf("CDM9400001") + itl.inboxRowsOf("CDM9400002"), "nothing reached the inbox");
    }

    @Test
    void aProposalWhoseTransferringRegistryIsNotItsSenderIsRefusedWith1024() throws Exception {
        String signed = SignedEnvelopes.of(ProposalEnvelopes.proposal("CDM", "JP9400003", "JP")).by(TestPki.credential("CDM")).sign();

        HttpResponse<String> response = itl.propose(signed);

        assertEquals(1024, RawSoap.refusalCode(response.body()), () -> faultOf(response.body()));
        assertEquals(500, response.statusCode());
        assertEquals(0, itl.inboxRowsOf("JP9400003"), "nothing reached the inbox");
    }

    @Test
    void aRegistrysProposalOfItsOwnTransferIsReceipted() throws Exception {
        String signed = SignedEnvelopes.of(ProposalEnvelopes.proposal("JP", "JP9400004")).by(TestPki.credential("JP")).sign();

        HttpResponse<String> response = itl.propose(signed);

        assertEquals(200, response.statusCode(), () -> faultOf(response.body()));
        assertEquals(1, itl.inboxRowsOf("JP9400004"));
    }

    @Test
    void aTimestampClaimingALifetimeOfTenYearsIsRefusedWith1009() throws Exception {
        String signed = SignedEnvelopes.of(ProposalEnvelopes.proposal("JP", "JP9400005")).by(TestPki.credential("JP"))
                .living(java.time.Duration.ofDays(3650)).sign();

        HttpResponse<String> response = itl.propose(signed);

        assertEquals(1009, RawSoap.refusalCode(response.body()), () -> faultOf(response.body()));
        assertEquals(0, itl.inboxRowsOf("JP9400005"), "nothing reached the inbox");
    }

    @Test
    void aTimestampOfAnHourIsStillAccepted() throws Exception {
        String signed = SignedEnvelopes.of(ProposalEnvelopes.proposal("JP", "JP9400006")).by(TestPki.credential("JP"))
                .living(java.time.Duration.ofHours(1)).sign();

        HttpResponse<String> response = itl.propose(signed);

        assertEquals(200, response.statusCode(), () -> faultOf(response.body()));
    }

    @Test
    void aHeaderElementCarryingTheSignedBodysIdIsRefusedWith1003() throws Exception {
        String signed = SignedEnvelopes.of(ProposalEnvelopes.proposal("JP", "JP9400007")).by(TestPki.credential("JP")).sign();
        int bodyTag = signed.indexOf("<soap:Body");
        int idStart = signed.indexOf("wsu:Id=\"", bodyTag) + "wsu:Id=\"".length();
        String bodyId = signed.substring(idStart, signed.indexOf('"', idStart));
        String decoy = "<Decoy xmlns=\"urn:attacker\" xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/"
                + "oasis-200401-wss-wssecurity-utility-1.0.xsd\" wsu:Id=\"" + bodyId + "\">x</Decoy>";

        HttpResponse<String> response = itl.propose(signed.replace("</soap:Header>", decoy + "</soap:Header>"));

        assertEquals(1003, RawSoap.refusalCode(response.body()), () -> faultOf(response.body()));
        assertEquals(0, itl.inboxRowsOf("JP9400007"), "nothing reached the inbox");
    }

    private static String faultOf(String body) {
        int start = body.indexOf("<faultstring>");
        return start < 0 ? body.substring(Math.max(0, body.length() - 300)) : body.substring(start, body.indexOf("</faultstring>"));
    }
}
