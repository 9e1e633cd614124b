package org.itlgateway.gateway.support;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.itlgateway.gateway.pki.Credential;

/**
 * Certificates the project's CA would never issue, for tests of what the gateway refuses: two CNs, a short RSA
 * key, no digitalSignature key usage (all issued by the test CA, so they are trusted), and self-signed ones.
 */
public final class OddCertificates {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOT_BEFORE = Instant.now().minus(Duration.ofDays(1));

    private OddCertificates() {
    }

    /** Issued by the test CA to a subject with two CNs, e.g. {@code CN=ITL,OU=Registry,CN=CDM,O=ITL Gateway}. */
    public static Credential withTwoCommonNames(String first, String second) {
        return issued("CN=" + first + ",OU=Registry,CN=" + second + ",O=ITL Gateway", ecKeys(), KeyUsage.digitalSignature);
    }

    /** Issued by the test CA for the node with an RSA key of 1,024 bits. */
    public static Credential withRsa1024(String node) {
        return issued(nodeSubject(node), rsaKeys(1024), KeyUsage.digitalSignature);
    }

    /** Issued by the test CA for the node, for key encipherment only (no digitalSignature). */
    public static Credential withoutDigitalSignatureUsage(String node) {
        return issued(nodeSubject(node), ecKeys(), KeyUsage.keyEncipherment);
    }

    /** A self-signed certificate naming the node, as anyone can make. */
    public static X509Certificate selfSigned(String node) {
        KeyPair keys = ecKeys();
        return build(nodeSubject(node), keys.getPublic(), new X500Principal(nodeSubject(node)), keys.getPrivate(),
                "SHA256withECDSA", KeyUsage.digitalSignature);
    }

    private static String nodeSubject(String node) {
        return "CN=" + node + ",OU=Registry,O=ITL Gateway";
    }

    private static Credential issued(String subject, KeyPair keys, int usage) {
        Credential ca = TestPki.ca().credential();
        X509Certificate certificate = build(subject, keys.getPublic(), ca.certificate().getSubjectX500Principal(),
                ca.privateKey(), ca.algorithm().certificateSignature(), usage);
        return new Credential(keys.getPrivate(), certificate, List.of(certificate, ca.certificate()));
    }

    private static X509Certificate build(String subject, java.security.PublicKey key, X500Principal issuer,
                                         PrivateKey issuerKey, String algorithm, int usage) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    X500Name.getInstance(issuer.getEncoded()), new BigInteger(63, RANDOM).add(BigInteger.ONE),
                    Date.from(NOT_BEFORE), Date.from(NOT_BEFORE.plus(Duration.ofDays(30))),
                    X500Name.getInstance(new X500Principal(subject).getEncoded()), key);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot build a test certificate for " + subject, e);
        }
    }

    private static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsaKeys(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, RANDOM);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
