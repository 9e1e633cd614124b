package org.itlgateway.gateway.security;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.apache.wss4j.dom.validate.SignatureTrustValidator;
import org.itlgateway.core.result.ResponseCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a node trusted at a given time, judged afterwards: a certificate chains to the trust anchor, was within its
 * validity then and was not revoked then (its CRL entry, if any, dates its revocation later); and a signed message
 * kept as it was received or sent verifies by WS-Security with the node's own rules ({@link AlgorithmPolicy}, the
 * tokens {@link MessageSignatures} accepts, {@link VerifiedSignature}'s binding of the signature to the Body and
 * Timestamp), its signer judged as of that time. Revocation is read from the CRLs given, whenever they were
 * published: a certificate revoked after the time is good for it, one revoked before is not.
 *
 * <p>The message's Timestamp is not judged for freshness again (that was the receiver's check as it arrived);
 * only that it was not created after the time given, beyond the usual clock skew.
 */
public final class TrustAsOf {

    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

    private final X509Certificate anchor;
    private final List<X509CRL> crls;
    private final Pattern signerSubject = Pattern.compile(TrustSettings.NODE_SUBJECT);
    private final Duration futureSkew = Duration.ofSeconds(60);

    /**
     * @throws IllegalArgumentException when a CRL is not the anchor's (not issued and signed by it)
     */
    public TrustAsOf(X509Certificate anchor, List<X509CRL> crls) {
        this.anchor = Objects.requireNonNull(anchor, "trust anchor");
        this.crls = List.copyOf(crls);
        for (X509CRL crl : this.crls) {
            try {
                if (!crl.getIssuerX500Principal().equals(anchor.getSubjectX500Principal())) {
                    throw new IllegalArgumentException("a CRL of " + crl.getIssuerX500Principal() + " is not the trust "
                            + "anchor's");
                }
                crl.verify(anchor.getPublicKey());
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("a CRL is not signed by the trust anchor: " + e.getMessage(), e);
            }
        }
    }

    public X509Certificate anchor() {
        return anchor;
    }

    public List<X509CRL> crls() {
        return crls;
    }

    /**
     * Refuses a certificate that, at {@code at}, did not chain to the anchor, was not within its validity, or was
     * revoked.
     */
    public void requireTrusted(X509Certificate certificate, Instant at) {
        try {
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate)), parameters);
        } catch (CertPathValidatorException e) {
            if (e.getCause() instanceof CertificateExpiredException || e.getCause() instanceof CertificateNotYetValidException) {
                throw new SignatureRefusal(ResponseCode.CERTIFICATE_EXPIRED, "the certificate of "
                        + certificate.getSubjectX500Principal().getName() + " was not valid at " + at + " (valid "
                        + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant() + ")");
            }
            throw new SignatureRefusal(ResponseCode.CERTIFICATE_NOT_TRUSTED, "the certificate of "
                    + certificate.getSubjectX500Principal().getName() + " does not chain to the trust anchor "
                    + anchor.getSubjectX500Principal().getName() + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new SignatureRefusal(ResponseCode.CERTIFICATE_NOT_TRUSTED, "the certificate of "
                    + certificate.getSubjectX500Principal().getName() + " cannot be checked: " + e.getMessage());
        }
        for (X509CRL crl : crls) {
            X509CRLEntry entry = crl.getRevokedCertificate(certificate);
            if (entry != null && !entry.getRevocationDate().toInstant().isAfter(at)) {
                throw new SignatureRefusal(ResponseCode.CERTIFICATE_REVOKED, "the certificate of "
                        + certificate.getSubjectX500Principal().getName() + " (serial " + certificate.getSerialNumber()
                        + ") was revoked at " + entry.getRevocationDate().toInstant() + ", not after " + at);
            }
        }
    }

    /**
     * Verifies a signed SOAP envelope, as kept, with its signer judged as of {@code at}; answers its verified
     * signature.
     *
     * @throws SignatureRefusal when it does not verify, or its signer was not trusted at {@code at}
     */
    public VerifiedSignature verifyEnvelope(byte[] envelope, Instant at) {
        Document document = parse(envelope);
        AsOfValidator validator = new AsOfValidator(at);
        WSSConfig config = WSSConfig.getNewInstance();
        config.setValidator(WSConstants.SIGNATURE, validator);
        // the Timestamp's freshness was judged on arrival; here only its place in time, below
        config.setValidator(WSConstants.TIMESTAMP, (credential, data) -> credential);
        MessageSignatures.onlyTheTokensWeUse().forEach(config::setProcessor);
        RequestData data = new RequestData();
        data.setWssConfig(config);
        data.setSigVerCrypto(crypto());
        data.setEnableRevocation(false);
        data.setAlgorithmSuite(AlgorithmPolicy.suite());
        data.setTimeStampStrict(false);
        WSHandlerResult results;
        try {
            results = new WSSecurityEngine().processSecurityHeader(document, data);
        } catch (WSSecurityException e) {
            if (validator.refusal != null) {
                throw validator.refusal;
            }
            throw new SignatureRefusal(ResponseCode.SIGNATURE_INVALID, "the signature does not verify: " + e.getMessage());
        }
        if (validator.refusal != null) {
            throw validator.refusal;
        }
        VerifiedSignature signature = results == null ? null
                : VerifiedSignature.of(results.getResults(), body(document));
        if (signature == null) {
            throw new SignatureRefusal(ResponseCode.SIGNATURE_MISSING, "the message carries no signature");
        }
        if (signature.created() != null && signature.created().isAfter(at.plus(futureSkew))) {
            throw new SignatureRefusal(ResponseCode.SIGNATURE_INVALID, "the message's signed Timestamp was created at "
                    + signature.created() + ", after " + at);
        }
        return signature;
    }

    private Crypto crypto() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("trust-anchor", anchor);
            Merlin merlin = new Merlin();
            merlin.setTrustStore(trust);
            return merlin;
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot hold the trust anchor: " + e.getMessage(), e);
        }
    }

    private static Document parse(byte[] envelope) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(envelope));
        } catch (Exception e) {
            throw new SignatureRefusal(ResponseCode.SIGNATURE_INVALID, "the message is not well-formed XML: "
                    + e.getMessage());
        }
    }

    private static Node body(Document document) {
        Element envelope = document.getDocumentElement();
        for (Node child = envelope.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE && "Body".equals(child.getLocalName())
                    && (SOAP11.equals(child.getNamespaceURI()) || SOAP12.equals(child.getNamespaceURI()))) {
                return child;
            }
        }
        throw new SignatureRefusal(ResponseCode.SIGNATURE_INVALID, "the envelope has no Body");
    }

    /** WS-Security's check of the signer's certificate, made as of the time given instead of now. */
    private final class AsOfValidator extends SignatureTrustValidator {

        private final Instant at;
        private SignatureRefusal refusal;

        AsOfValidator(Instant at) {
            this.at = at;
        }

        @Override
        protected void validateCertificates(X509Certificate[] certificates) {
            // validity is judged as of the time given, with the chain, below
        }

        @Override
        protected void verifyTrustInCerts(X509Certificate[] certificates, Crypto crypto, RequestData data,
                                          boolean enableRevocation) throws WSSecurityException {
            try {
                if (certificates == null || certificates.length == 0) {
                    throw new SignatureRefusal(ResponseCode.SIGNATURE_INVALID, "the signature names no certificate");
                }
                X509Certificate signer = certificates[0];
                if (!signerSubject.matcher(signer.getSubjectX500Principal().getName()).matches()) {
                    throw new SignatureRefusal(ResponseCode.CERTIFICATE_NOT_TRUSTED, "the signer "
                            + signer.getSubjectX500Principal().getName() + " is not a registry node");
                }
                requireTrusted(signer, at);
            } catch (SignatureRefusal e) {
                refusal = e;
                throw new WSSecurityException(WSSecurityException.ErrorCode.FAILED_AUTHENTICATION);
            }
        }
    }
}
