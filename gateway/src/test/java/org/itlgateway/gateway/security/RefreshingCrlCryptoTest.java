package org.itlgateway.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyStore;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.itlgateway.gateway.support.MutableClock;
import org.itlgateway.gateway.pki.CertificateAuthority;
import org.itlgateway.gateway.pki.KeyAlgorithm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RefreshingCrlCryptoTest {

    private static final List<Pattern> NODE = List.of(Pattern.compile(TrustSettings.NODE_SUBJECT));

    private final Instant now = Instant.now();
    private final MutableClock clock = new MutableClock(now);
    private CertificateAuthority ca;
    private X509Certificate japan;
    private AtomicReference<List<X509CRL>> published;
    private RefreshingCrlCrypto crypto;
    private org.itlgateway.gateway.pki.Credential signer;

    @BeforeEach
    void aNodeTrustingTheNetworksCa() throws Exception {
        ca = CertificateAuthority.create("Test CA", KeyAlgorithm.EC_P256, now, Duration.ofDays(30));
        japan = ca.issueNodeCertificate("JP", KeyAlgorithm.EC_P256, now.minusSeconds(60), Duration.ofDays(10)).certificate();
        published = new AtomicReference<>(List.of(ca.publishCrl(now, Duration.ofDays(1))));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("trust-anchor", ca.certificate());
        signer = ca.issueNodeCertificate("CDM", KeyAlgorithm.EC_P256, now.minusSeconds(60), Duration.ofDays(10));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("signer", signer.privateKey(), "random".toCharArray(),
                signer.chain().toArray(java.security.cert.Certificate[]::new));
        crypto = new RefreshingCrlCrypto(keys, "signer", signer.privateKey(), trust, published::get, clock);
    }

    @Test
    void aChainTrustedOnceIsNotValidatedAgainWhileNothingChanged() throws Exception {
        crypto.verifyTrust(new X509Certificate[] {japan}, true, NODE, List.of());
        crypto.verifyTrust(new X509Certificate[] {copyOf(japan)}, true, NODE, List.of());
        clock.advance(Duration.ofHours(23));
        crypto.verifyTrust(new X509Certificate[] {japan}, true, NODE, List.of());

        assertEquals(1, crypto.validations());
    }

    @Test
    void aCertificateRevokedAfterItWasTrustedIsRefusedOnTheNextMessage() throws Exception {
        crypto.verifyTrust(new X509Certificate[] {japan}, true, NODE, List.of());

        ca.revoke(japan, now);
        published.set(List.of(ca.publishCrl(now, Duration.ofDays(1))));

        assertThrows(WSSecurityException.class, () -> crypto.verifyTrust(new X509Certificate[] {japan}, true, NODE, List.of()));
        assertEquals(2, crypto.validations());
    }

    @Test
    void aNewlyPublishedCrlThatRevokesNothingValidatesTheChainOnceMore() throws Exception {
        crypto.verifyTrust(new X509Certificate[] {japan}, true, NODE, List.of());

        published.set(List.of(ca.publishCrl(now, Duration.ofDays(1))));
        crypto.verifyTrust(new X509Certificate[] {japan}, true, NODE, List.of());
        crypto.verifyTrust(new X509Certificate[] {japan}, true, NODE, List.of());

        assertEquals(2, crypto.validations());
    }

    @Test
    void onceTheCrlIsDueForItsNextUpdateTheDecisionIsTakenAgain() throws Exception {
        crypto.verifyTrust(new X509Certificate[] {japan}, true, NODE, List.of());

        clock.advance(Duration.ofDays(1).plusSeconds(1));
        crypto.verifyTrust(new X509Certificate[] {japan}, true, NODE, List.of());

        assertEquals(2, crypto.validations(), "past the CRL's next update, the chain is validated again");
    }

    @Test
    void aCertificatePastItsEndOfValidityIsValidatedAgain() throws Exception {
        X509Certificate brief = ca.issueNodeCertificate("NZ", KeyAlgorithm.EC_P256, now.minusSeconds(60), Duration.ofHours(2))
                .certificate();
        crypto.verifyTrust(new X509Certificate[] {brief}, true, NODE, List.of());

        clock.advance(Duration.ofHours(3));
        crypto.verifyTrust(new X509Certificate[] {brief}, true, NODE, List.of());

        assertEquals(2, crypto.validations());
    }

    @Test
    void otherConstraintsAreAnotherQuestion() throws Exception {
        crypto.verifyTrust(new X509Certificate[] {japan}, true, NODE, List.of());

        assertThrows(WSSecurityException.class, () -> crypto.verifyTrust(new X509Certificate[] {japan}, true,
                List.of(Pattern.compile("CN=ITL,.*")), List.of()));
        assertEquals(2, crypto.validations());
    }

    @Test
    void aRefusalIsNotRemembered() throws Exception {
        CertificateAuthority stranger = CertificateAuthority.create("Other CA", KeyAlgorithm.EC_P256, now, Duration.ofDays(30));
        X509Certificate foreign = stranger.issueNodeCertificate("JP", KeyAlgorithm.EC_P256, now.minusSeconds(60),
                Duration.ofDays(10)).certificate();

        assertThrows(WSSecurityException.class, () -> crypto.verifyTrust(new X509Certificate[] {foreign}, true, NODE, List.of()));
        assertThrows(WSSecurityException.class, () -> crypto.verifyTrust(new X509Certificate[] {foreign}, true, NODE, List.of()));
        assertEquals(2, crypto.validations());
    }

    @Test
    void theNodesOwnKeyIsHandedOverAsHeldWithoutUnlockingTheKeyStoreAgain() throws Exception {
        assertSame(signer.privateKey(), crypto.getPrivateKey("signer", "random"));
        assertSame(signer.privateKey(), crypto.getPrivateKey("signer", "random"));
    }

    private static X509Certificate copyOf(X509Certificate certificate) throws Exception {
        return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(certificate.getEncoded()));
    }
}
