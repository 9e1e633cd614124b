package org.itlgateway.gateway.security;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.apache.wss4j.common.crypto.AlgorithmSuite;
import org.itlgateway.core.result.ResponseCode;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The algorithms and keys a received signature may use, as an allow-list: RSA-SHA256/384/512 or
 * ECDSA-SHA256/384 over SHA-256/384/512 digests with exclusive (or inclusive) canonicalisation, RSA keys of
 * 2048 to 4096 bits, EC keys of 256 or 384 bits, and a signer certificate whose key usage includes
 * digitalSignature. WS-Security enforces the lists (as its algorithm suite); this class also names, for a
 * message WS-Security refused, the algorithm or key that was not allowed, so the refusal says why (1016).
 */
public final class AlgorithmPolicy {

    static final Set<String> SIGNATURE_METHODS = Set.of(
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384");
    static final Set<String> DIGESTS = Set.of(
            "http://www.w3.org/2001/04/xmlenc#sha256",
            "http://www.w3.org/2001/04/xmldsig-more#sha384",
            "http://www.w3.org/2001/04/xmlenc#sha512");
    static final Set<String> CANONICALISATIONS = Set.of(
            "http://www.w3.org/2001/10/xml-exc-c14n#",
            "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
            "http://www.w3.org/2006/12/xml-c14n11");
    static final int MIN_RSA_BITS = 2048;
    static final int MAX_RSA_BITS = 4096;
    static final int MIN_EC_BITS = 256;
    static final int MAX_EC_BITS = 384;

    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final int DIGITAL_SIGNATURE = 0;

    private AlgorithmPolicy() {
    }

    /** The allow-list as WS-Security's algorithm suite, checked while each signature is verified. */
    public static AlgorithmSuite suite() {
        AlgorithmSuite suite = new AlgorithmSuite();
        SIGNATURE_METHODS.forEach(suite::addSignatureMethod);
        DIGESTS.forEach(suite::addDigestAlgorithm);
        CANONICALISATIONS.forEach(suite::addC14nAlgorithm);
        CANONICALISATIONS.forEach(suite::addTransformAlgorithm);
        suite.setMinimumAsymmetricKeyLength(MIN_RSA_BITS);
        suite.setMaximumAsymmetricKeyLength(MAX_RSA_BITS);
        suite.setMinimumEllipticCurveKeyLength(MIN_EC_BITS);
        suite.setMaximumEllipticCurveKeyLength(MAX_EC_BITS);
        return suite;
    }

    /** Refuses (1016) a signer certificate whose key usage does not include digitalSignature. */
    public static void requireDigitalSignatureUsage(X509Certificate signer) {
        boolean[] usage = signer.getKeyUsage();
        if (usage == null || usage.length <= DIGITAL_SIGNATURE || !usage[DIGITAL_SIGNATURE]) {
            throw new SignatureRefusal(ResponseCode.SIGNATURE_ALGORITHM_NOT_ALLOWED,
                    "the signer certificate's key usage does not include digitalSignature");
        }
    }

    /**
     * What in this security header is not allowed: a signature, canonicalisation, transform or digest
     * algorithm off the list, or a token whose key is too weak or too large; empty when nothing is.
     */
    public static Optional<SignatureRefusal> violationIn(Element securityHeader) {
        for (Element signatureMethod : elements(securityHeader, DSIG, "SignatureMethod")) {
            String uri = signatureMethod.getAttribute("Algorithm");
            if (!SIGNATURE_METHODS.contains(uri)) {
                return refusal("the signature algorithm " + uri + " is not allowed");
            }
        }
        for (Element digestMethod : elements(securityHeader, DSIG, "DigestMethod")) {
            String uri = digestMethod.getAttribute("Algorithm");
            if (!DIGESTS.contains(uri)) {
                return refusal("the digest algorithm " + uri + " is not allowed");
            }
        }
        for (String name : new String[] {"CanonicalizationMethod", "Transform"}) {
            for (Element method : elements(securityHeader, DSIG, name)) {
                String uri = method.getAttribute("Algorithm");
                if (!CANONICALISATIONS.contains(uri)) {
                    return refusal("the " + name + " algorithm " + uri + " is not allowed");
                }
            }
        }
        for (Element token : elements(securityHeader, WSSE, "BinarySecurityToken")) {
            Optional<SignatureRefusal> weak = keyOf(token).flatMap(AlgorithmPolicy::keyViolation);
            if (weak.isPresent()) {
                return weak;
            }
        }
        return Optional.empty();
    }

    private static Optional<SignatureRefusal> keyViolation(X509Certificate certificate) {
        if (certificate.getPublicKey() instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
                return refusal("an RSA key of " + bits + " bits is not allowed (" + MIN_RSA_BITS + " to " + MAX_RSA_BITS + ")");
            }
        } else if (certificate.getPublicKey() instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            if (bits < MIN_EC_BITS || bits > MAX_EC_BITS) {
                return refusal("an EC key of " + bits + " bits is not allowed (P-256 or P-384)");
            }
        } else {
            return refusal("a " + certificate.getPublicKey().getAlgorithm() + " key is not allowed");
        }
        return Optional.empty();
    }

    private static Optional<X509Certificate> keyOf(Element token) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(token.getTextContent().trim());
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)));
        } catch (CertificateException | IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static Optional<SignatureRefusal> refusal(String reason) {
        return Optional.of(new SignatureRefusal(ResponseCode.SIGNATURE_ALGORITHM_NOT_ALLOWED, reason));
    }

    private static Iterable<Element> elements(Element root, String namespace, String localName) {
        NodeList found = root.getElementsByTagNameNS(namespace, localName);
        java.util.List<Element> list = new java.util.ArrayList<>(found.getLength());
        for (int i = 0; i < found.getLength(); i++) {
            list.add((Element) found.item(i));
        }
        return list;
    }
}
