package org.itlgateway.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import org.itlgateway.gateway.support.InboxedLog;
import org.itlgateway.gateway.support.OddCertificates;
import org.itlgateway.gateway.support.ProposalEnvelopes;
import org.itlgateway.gateway.support.RawSoap;
import org.itlgateway.gateway.support.SignedEnvelopes;
import org.itlgateway.gateway.support.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Only strong algorithms and keys pass (an allow-list): a message signed with SHA-1, or with a key too short, or
 * with a certificate not meant for digital signatures, is refused with 1016 before anything is kept or
 * forwarded.
 */
class AlgorithmPolicyTest {

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
    void anRsaSha1SignatureIsRefusedWith1016() throws Exception {
        String signed = SignedEnvelopes.of(ProposalEnvelopes.proposal("CDM", "CDM9200001"))
                .by(TestPki.rsaCredential("CDM")).withSignatureAlgorithm(SignedEnvelopes.RSA_SHA1).sign();

        assertRefusedAndNotKept(itl.propose(signed), "CDM9200001");
    }

    @Test
    void anEcdsaSha1SignatureIsRefusedWith1016() throws Exception {
        String signed = SignedEnvelopes.of(ProposalEnvelopes.proposal("CDM", "CDM9200002"))
                .by(TestPki.credential("CDM")).withSignatureAlgorithm(SignedEnvelopes.ECDSA_SHA1).sign();

        assertRefusedAndNotKept(itl.propose(signed), "CDM9200002");
    }

    @Test
    void sha1DigestsAreRefusedWith1016() throws Exception {
        String signed = SignedEnvelopes.of(ProposalEnvelopes.proposal("CDM", "CDM9200003"))
                .by(TestPki.credential("CDM")).withDigestAlgorithm(SignedEnvelopes.SHA1).sign();

        assertRefusedAndNotKept(itl.propose(signed), "CDM9200003");
    }

    @Test
    void anRsaKeyOf1024BitsIsRefusedWith1016() throws Exception {
        String signed = SignedEnvelopes.of(ProposalEnvelopes.proposal("CDM", "CDM9200004"))
                .by(OddCertificates.withRsa1024("CDM")).sign();

        assertRefusedAndNotKept(itl.propose(signed), "CDM9200004");
    }

    @Test
    void aCertificateWithoutTheDigitalSignatureKeyUsageIsRefusedWith1016() throws Exception {
        String signed = SignedEnvelopes.of(ProposalEnvelopes.proposal("CDM", "CDM9200005"))
                .by(OddCertificates.withoutDigitalSignatureUsage("CDM")).sign();

        assertRefusedAndNotKept(itl.propose(signed), "CDM9200005");
    }

    @Test
    void rsaSha256WithA2048BitKeyStillPasses() throws Exception {
        String signed = SignedEnvelopes.of(ProposalEnvelopes.proposal("CDM", "CDM9200006"))
                .by(TestPki.rsaCredential("CDM")).sign();

        HttpResponse<String> response = itl.propose(signed);

        assertEquals(200, response.statusCode(), () -> SignerIdentityTest.faultOf(response.body()));
        assertEquals(1, itl.inboxRowsOf("CDM9200006"));
    }

    private static void assertRefusedAndNotKept(HttpResponse<String> response, String transactionId) {
        assertEquals(1016, RawSoap.refusalCode(response.body()), () -> SignerIdentityTest.faultOf(response.body()));
        assertEquals(500, response.statusCode());
        assertEquals(0, itl.inboxRowsOf(transactionId), "nothing reached the inbox");
    }
}
