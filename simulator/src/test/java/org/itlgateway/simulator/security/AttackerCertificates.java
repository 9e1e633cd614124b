package org.itlgateway.simulator.security;

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
import org.itlgateway.gateway.pki.CertificateAuthority;
import org.itlgateway.gateway.pki.Credential;

/**
 * Certificates an attacker holding a registry certificate of the network's CA could bring along: keys the CA
 * would never certify today (RSA-1024, no digitalSignature usage, two CNs), because a CA under attack or an old
 * one may have issued them, and self-signed certificates naming any node.
 */
final class AttackerCertificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CertificateAuthority ca;

    AttackerCertificates(CertificateAuthority ca) {
        this.ca = ca;
    }

    /** Issued by the network's CA with a subject, key and key usage of the attacker's choosing. */
    Credential issuedByTheCa(String subject, KeyPair keys, Integer keyUsage, Instant notBefore, Duration validity) {
        Credential caCredential = ca.credential();
        X509Certificate issued = build(new X500Principal(caCredential.certificate().getSubjectX500Principal().getEncoded()),
                subject, keys, keyUsage, notBefore, validity, caCredential.privateKey(),
                caCredential.certificate().getPublicKey().getAlgorithm());
        return new Credential(keys.getPrivate(), issued, List.of(issued, caCredential.certificate()));
    }

    /** Self-signed: trusted by nobody, whatever it names. */
    Credential selfSigned(String subject, KeyPair keys) {
        X509Certificate certificate = build(new X500Principal(subject), subject, keys,
                KeyUsage.digitalSignature, Instant.now().minus(Duration.ofHours(1)), Duration.ofDays(30), keys.getPrivate(),
                keys.getPublic().getAlgorithm());
        return new Credential(keys.getPrivate(), certificate, List.of(certificate));
    }

    static KeyPair ec() {
        return generate("EC", 256);
    }

    static KeyPair rsa(int bits) {
        return generate("RSA", bits);
    }

    static String nodeSubject(String code) {
        return "CN=" + code + ",OU=Registry,O=" + CertificateAuthority.NETWORK;
    }

    private static KeyPair generate(String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if ("EC".equals(algorithm)) {
                generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            } else {
                generator.initialize(size, RANDOM);
            }
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate build(X500Principal issuer, String subject, KeyPair keys, Integer keyUsage,
                                         Instant notBefore, Duration validity, PrivateKey signingKey, String signingAlgorithm) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(X500Name.getInstance(issuer.getEncoded()),
                    new BigInteger(63, RANDOM).add(BigInteger.ONE), Date.from(notBefore), Date.from(notBefore.plus(validity)),
                    X500Name.getInstance(new X500Principal(subject).getEncoded()), keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            if (keyUsage != null) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            }
            String signature = "EC".equals(signingAlgorithm) ? "SHA256withECDSA" : "SHA256withRSA";
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(signature).build(signingKey)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot forge " + subject + ": " + e.getMessage(), e);
        }
    }
}
