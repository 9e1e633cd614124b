package org.itlgateway.gateway.support;

import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.itlgateway.gateway.pki.CertificateAuthority;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.pki.KeyAlgorithm;
import org.itlgateway.gateway.security.MessageSignatures;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.security.TrustSettings;

/** One test network's PKI per JVM (key generation is slow): a CA, node credentials, a rogue CA. */
public final class TestPki {

    private static final Instant NOW = Instant.now();
    private static final CertificateAuthority CA =
            CertificateAuthority.create("ITL Gateway Test CA", KeyAlgorithm.EC_P256, NOW, Duration.ofDays(3650));
    private static final CertificateAuthority ROGUE =
            CertificateAuthority.create("ITL Gateway Test CA", KeyAlgorithm.EC_P256, NOW, Duration.ofDays(3650));
    private static final Map<String, Credential> CREDENTIALS = new ConcurrentHashMap<>();

    private TestPki() {
    }

    public static CertificateAuthority ca() {
        return CA;
    }

    /** The EC P-256 credential of a node, issued once. */
    public static Credential credential(String node) {
        return CREDENTIALS.computeIfAbsent(node,
                code -> CA.issueNodeCertificate(code, KeyAlgorithm.EC_P256, NOW.minus(Duration.ofDays(1)), Duration.ofDays(365)));
    }

    /** A fresh RSA-2048 credential of a node. */
    public static Credential rsaCredential(String node) {
        return CREDENTIALS.computeIfAbsent("RSA:" + node,
                code -> CA.issueNodeCertificate(node, KeyAlgorithm.RSA_2048, NOW.minus(Duration.ofDays(1)), Duration.ofDays(365)));
    }

    /** A credential for the node from a CA nobody trusts (same CA name, other key). */
    public static Credential rogueCredential(String node) {
        return ROGUE.issueNodeCertificate(node, KeyAlgorithm.EC_P256, NOW.minus(Duration.ofDays(1)), Duration.ofDays(365));
    }

    /** A credential that expired yesterday. */
    public static Credential expiredCredential(String node) {
        return CA.issueNodeCertificate(node, KeyAlgorithm.EC_P256, NOW.minus(Duration.ofDays(30)), Duration.ofDays(29));
    }

    /** A credential that is revoked on the CA's CRL. */
    public static Credential revokedCredential(String node) {
        Credential credential = CA.issueNodeCertificate(node, KeyAlgorithm.EC_P256, NOW.minus(Duration.ofDays(1)), Duration.ofDays(365));
        CA.revoke(credential.certificate(), Instant.now());
        return credential;
    }

    public static List<X509CRL> currentCrls() {
        return List.of(CA.publishCrl(Instant.now(), Duration.ofDays(1)));
    }

    /** How a node signs with the given credential and verifies against the test CA. */
    public static MessageSignatures signatures(Credential credential) {
        return new MessageSignatures(new SigningSettings(credential, TrustSettings.of(CA.certificate(), TestPki::currentCrls)));
    }
}
