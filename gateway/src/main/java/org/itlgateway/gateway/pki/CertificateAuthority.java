package org.itlgateway.gateway.pki;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small certificate authority for a registry network: it issues one certificate per registry (the registry
 * code is the certificate's CN), server certificates for TLS, revokes certificates and publishes CRLs.
 * Built on Bouncy Castle; certificates come out as plain JDK {@link X509Certificate}s.
 */
public final class CertificateAuthority {

    /** The organisation name in every subject this CA issues. */
    public static final String NETWORK = "ITL Gateway";

    private final Credential credential;
    private final SecureRandom random;
    private final Map<BigInteger, Instant> revoked = new LinkedHashMap<>();

    private CertificateAuthority(Credential credential, SecureRandom random) {
        this.credential = credential;
        this.random = random;
    }

    /** A new CA with a self-signed certificate valid from {@code now} for {@code validity}. */
    public static CertificateAuthority create(String name, KeyAlgorithm algorithm, Instant now, Duration validity) {
        SecureRandom random = new SecureRandom();
        KeyPair keys = algorithm.generate(random);
        X500Name subject = name("CN=" + name + ",O=" + NETWORK);
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(random),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject, keys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = certificate(builder, keys.getPrivate(), algorithm);
            return new CertificateAuthority(new Credential(keys.getPrivate(), certificate, List.of(certificate)), random);
        } catch (CertIOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot create the CA: " + e.getMessage(), e);
        }
    }

    /** A CA from an existing key and self-signed certificate (read from files). */
    public static CertificateAuthority of(Credential credential, Map<BigInteger, Instant> revoked) {
        CertificateAuthority ca = new CertificateAuthority(credential, new SecureRandom());
        ca.revoked.putAll(revoked);
        return ca;
    }

    public X509Certificate certificate() {
        return credential.certificate();
    }

    public Credential credential() {
        return credential;
    }

    /**
     * A signing certificate for a registry (or the ITL, or the CITL): its CN is the node code, so the
     * receiver can tell which registry signed.
     */
    public Credential issueNodeCertificate(String nodeCode, KeyAlgorithm algorithm, Instant notBefore, Duration validity) {
        KeyPair keys = algorithm.generate(random);
        X500Name subject = name("CN=" + nodeCode + ",OU=Registry,O=" + NETWORK);
        return issue(subject, keys, notBefore, validity, builder -> {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth}));
        });
    }

    /** A TLS server certificate for the given host names (SANs localhost and 127.0.0.1 are always added). */
    public Credential issueServerCertificate(String nodeCode, KeyAlgorithm algorithm, Instant notBefore, Duration validity,
                                             List<String> hostNames) {
        KeyPair keys = algorithm.generate(random);
        X500Name subject = name("CN=" + nodeCode + ",OU=Server,O=" + NETWORK);
        return issue(subject, keys, notBefore, validity, builder -> {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            List<GeneralName> names = new ArrayList<>();
            names.add(new GeneralName(GeneralName.dNSName, "localhost"));
            names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
            for (String host : hostNames) {
                names.add(new GeneralName(GeneralName.dNSName, host));
            }
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
        });
    }

    /** Revokes a certificate from {@code at}; it appears on every CRL published afterwards. */
    public void revoke(X509Certificate certificate, Instant at) {
        revoked.put(certificate.getSerialNumber(), at);
    }

    public boolean isRevoked(X509Certificate certificate) {
        return revoked.containsKey(certificate.getSerialNumber());
    }

    /** The revoked serial numbers with their revocation times. */
    public Map<BigInteger, Instant> revoked() {
        return Map.copyOf(revoked);
    }

    /** A CRL listing every revoked certificate, valid from {@code now} until {@code now + validity}. */
    public X509CRL publishCrl(Instant now, Duration validity) {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(name(certificate().getSubjectX500Principal()), Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(validity)));
        revoked.forEach((serial, at) -> builder.addCRLEntry(serial, Date.from(at), CRLReason.keyCompromise));
        try {
            X509CRLHolder holder = builder.build(signer(credential.privateKey(), credential.algorithm()));
            return new JcaX509CRLConverter().getCRL(holder);
        } catch (java.security.cert.CRLException e) {
            throw new IllegalStateException("cannot publish the CRL: " + e.getMessage(), e);
        }
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws CertIOException;
    }

    private Credential issue(X500Name subject, KeyPair keys, Instant notBefore, Duration validity, Extensions extensions) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    name(certificate().getSubjectX500Principal()), serial(random),
                    Date.from(notBefore), Date.from(notBefore.plus(validity)), subject, keys.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(certificate()));
            extensions.add(builder);
            X509Certificate issued = certificate(builder, credential.privateKey(), credential.algorithm());
            return new Credential(keys.getPrivate(), issued, List.of(issued, certificate()));
        } catch (CertIOException | java.security.NoSuchAlgorithmException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("cannot issue a certificate for " + subject + ": " + e.getMessage(), e);
        }
    }

    private static X509Certificate certificate(X509v3CertificateBuilder builder, PrivateKey signingKey, KeyAlgorithm algorithm) {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(signingKey, algorithm)));
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot build the certificate: " + e.getMessage(), e);
        }
    }

    private static ContentSigner signer(PrivateKey key, KeyAlgorithm algorithm) {
        try {
            return new JcaContentSignerBuilder(algorithm.certificateSignature()).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with " + algorithm + ": " + e.getMessage(), e);
        }
    }

    /**
     * Names are built through the JDK's encoding so RDN order survives the round trip: Bouncy Castle's own parsing
     * of a DN string orders the RDNs the other way round from the JDK's X500Principal, and the JDK's PKCS12 key
     * store then refuses the chain as not valid.
     */
    private static X500Name name(String dn) {
        return name(new X500Principal(dn));
    }

    private static X500Name name(X500Principal principal) {
        return X500Name.getInstance(principal.getEncoded());
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(63, random).add(BigInteger.ONE);
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + Objects.toString(certificate().getSubjectX500Principal()) + "]";
    }
}
