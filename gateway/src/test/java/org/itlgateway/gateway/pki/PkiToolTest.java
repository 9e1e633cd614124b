package org.itlgateway.gateway.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.itlgateway.gateway.security.SignerIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PKI tool's files are read by the JDK's own certificate and key-store code, as any other toolkit would. */
class PkiToolTest {

    @TempDir
    Path dir;

    @Test
    void aCaIssuesARegistryCertificateThatChainsToItAndNamesTheRegistry() throws Exception {
        assertEquals(0, PkiTool.run("init-ca", "--dir", dir.toString()));
        assertEquals(0, PkiTool.run("issue", "--dir", dir.toString(), "CDM"));

        X509Certificate ca = PkiFiles.readCertificates(dir.resolve("ca.crt.pem")).get(0);
        X509Certificate cdm = readWithJdk(dir.resolve("CDM.crt.pem"));
        assertEquals("CDM", SignerIdentity.nodeCodeOf(cdm));
        validate(cdm, ca, List.of());
    }

    @Test
    void aTlsCertificateNamesItsHostsBesideLocalhostAndChainsToTheCa() throws Exception {
        assertEquals(0, PkiTool.run("init-ca", "--dir", dir.toString()));
        assertEquals(0, PkiTool.run("issue", "--dir", dir.toString(), "NZ", "--tls-host", "registry.example.nz,nz-gw"));

        X509Certificate ca = PkiFiles.readCertificates(dir.resolve("ca.crt.pem")).get(0);
        X509Certificate tls = readWithJdk(dir.resolve("NZ.tls.crt.pem"));
        List<String> names = tls.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))).toList();
        assertEquals(List.of("localhost", "127.0.0.1", "registry.example.nz", "nz-gw"), names);
        assertTrue(tls.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "server authentication");
        assertTrue(tls.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.2"), "client authentication, for mutual TLS");
        assertTrue(Files.exists(dir.resolve("NZ.tls.p12")));
        assertFalse(Files.exists(dir.resolve("NZ.crt.pem")), "the signing certificate is issued on its own");
        validate(tls, ca, List.of());
    }

    @Test
    void theKeyInTheKeyStoreSignsWhatTheCertificateVerifies() throws Exception {
        PkiTool.run("init-ca", "--dir", dir.toString());
        PkiTool.run("issue", "--dir", dir.toString(), "JP", "--algorithm", "RSA_2048", "--password", "s3cret");

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("JP.p12"))) {
            store.load(in, "s3cret".toCharArray());
        }
        PrivateKey key = (PrivateKey) store.getKey("jp", "s3cret".toCharArray());
        X509Certificate certificate = (X509Certificate) store.getCertificate("jp");
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update("acceptProposal".getBytes());
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate);
        verifier.update("acceptProposal".getBytes());
        assertTrue(verifier.verify(signature));
        assertEquals(PkiFiles.readPrivateKey(dir.resolve("JP.key.pem")), key);
    }

    @Test
    void aRevokedCertificateAppearsOnTheNextCrlAndNoLongerValidates() throws Exception {
        PkiTool.run("init-ca", "--dir", dir.toString());
        PkiTool.run("issue", "--dir", dir.toString(), "GB");
        PkiTool.run("issue", "--dir", dir.toString(), "CH");
        assertEquals(0, PkiTool.run("revoke", "--dir", dir.toString(), "GB"));
        assertEquals(0, PkiTool.run("crl", "--dir", dir.toString()));

        X509Certificate ca = PkiFiles.readCertificates(dir.resolve("ca.crt.pem")).get(0);
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(Files.newInputStream(dir.resolve("crl.pem")));
        crl.verify(ca.getPublicKey());
        X509Certificate gb = readWithJdk(dir.resolve("GB.crt.pem"));
        X509Certificate ch = readWithJdk(dir.resolve("CH.crt.pem"));
        assertTrue(crl.isRevoked(gb));
        assertFalse(crl.isRevoked(ch));
        validate(ch, ca, List.of(crl));
        CertPathValidatorException refused = org.junit.jupiter.api.Assertions.assertThrows(CertPathValidatorException.class,
                () -> validate(gb, ca, List.of(crl)));
        assertEquals(CertPathValidatorException.BasicReason.REVOKED, refused.getReason());
    }

    @Test
    void issuingForSomethingThatIsNotANodeCodeIsRefused() {
        PkiTool.run("init-ca", "--dir", dir.toString());
        assertEquals(2, PkiTool.run("issue", "--dir", dir.toString(), "Japan"));
    }

    @Test
    void anExistingCaIsNeverOverwritten() {
        PkiTool.run("init-ca", "--dir", dir.toString());
        assertEquals(1, PkiTool.run("init-ca", "--dir", dir.toString()));
    }

    private static X509Certificate readWithJdk(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificates(in).iterator().next();
        }
    }

    private static void validate(X509Certificate certificate, X509Certificate ca, List<X509CRL> crls) throws Exception {
        CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
        parameters.setRevocationEnabled(!crls.isEmpty());
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
    }
}
