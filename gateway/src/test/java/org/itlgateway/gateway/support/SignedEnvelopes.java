package org.itlgateway.gateway.support;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.token.X509Security;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.schemas.DesSchema;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signs envelopes by hand (WS-Security DOM API) for tests that need a message the clients would never send:
 * a timestamp from the past, a body changed after signing, weak algorithms, extra tokens, two signatures.
 */
public final class SignedEnvelopes {

    public static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    public static final String ECDSA_SHA1 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1";
    public static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

    /** The order of the P-256 group, for turning an ECDSA signature (r, s) into its twin (r, n - s). */
    private static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private SignedEnvelopes() {
    }

    /** The envelope signed over Timestamp and Body, its timestamp created at {@code created}. */
    public static String sign(byte[] envelope, Credential credential, Instant created) throws Exception {
        return of(envelope).by(credential).at(created).sign();
    }

    /** The same, leaving the Body out of the signature when {@code signBody} is false. */
    public static String sign(byte[] envelope, Credential credential, Instant created, boolean signBody) throws Exception {
        Signing signing = of(envelope).by(credential).at(created);
        return (signBody ? signing : signing.leavingTheBodyUnsigned()).sign();
    }

    /** A signing of the envelope to set up step by step. */
    public static Signing of(byte[] envelope) {
        return new Signing(envelope);
    }

    /** The signed envelope with its (P-256) ECDSA signature value (r, s) replaced by (r, n - s), still valid. */
    public static String malleated(String signedEnvelope) {
        int start = signedEnvelope.indexOf('>', signedEnvelope.indexOf("SignatureValue")) + 1;
        int end = signedEnvelope.indexOf('<', start);
        byte[] value = Base64.getMimeDecoder().decode(signedEnvelope.substring(start, end).trim());
        int half = value.length / 2;
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(value, half, value.length));
        byte[] twin = P256_ORDER.subtract(s).toByteArray();
        byte[] changed = value.clone();
        java.util.Arrays.fill(changed, half, changed.length, (byte) 0);
        int length = Math.min(twin.length, half);
        System.arraycopy(twin, twin.length - length, changed, changed.length - length, length);
        return signedEnvelope.substring(0, start) + Base64.getEncoder().encodeToString(changed) + signedEnvelope.substring(end);
    }

    /** How one envelope is to be signed; {@link #sign()} does it. */
    public static final class Signing {

        private final byte[] envelope;
        private Credential credential;
        private Instant created = Instant.now();
        private String signatureAlgorithm;
        private String digestAlgorithm = SHA256;
        private boolean signBody = true;
        private final List<X509Certificate> extraTokens = new ArrayList<>();
        private Credential secondSigner;
        private Duration lifetime = Duration.ofMinutes(5);

        private Signing(byte[] envelope) {
            this.envelope = envelope.clone();
        }

        public Signing by(Credential signer) {
            this.credential = signer;
            return this;
        }

        public Signing at(Instant timestampCreated) {
            this.created = timestampCreated;
            return this;
        }

        /** The Timestamp's lifetime (Expires − Created); five minutes unless said otherwise. */
        public Signing living(Duration timestampLifetime) {
            this.lifetime = timestampLifetime;
            return this;
        }

        public Signing withSignatureAlgorithm(String uri) {
            this.signatureAlgorithm = uri;
            return this;
        }

        public Signing withDigestAlgorithm(String uri) {
            this.digestAlgorithm = uri;
            return this;
        }

        public Signing leavingTheBodyUnsigned() {
            this.signBody = false;
            return this;
        }

        /** Adds a BinarySecurityToken with this certificate, last in the header, that no signature references. */
        public Signing withExtraToken(X509Certificate certificate) {
            extraTokens.add(certificate);
            return this;
        }

        /** Adds a second signature, by another key, over the same Timestamp and Body. */
        public Signing withSecondSignatureBy(Credential signer) {
            this.secondSigner = signer;
            return this;
        }

        public String sign() throws Exception {
            Document document = DesSchema.secureDocumentBuilderFactory().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(envelope));
            WSSecHeader header = new WSSecHeader(document);
            header.insertSecurityHeader();
            WSSecTimestamp timestamp = new WSSecTimestamp(header);
            timestamp.setTimeToLive((int) lifetime.toSeconds());
            timestamp.setWsTimeSource(() -> created);
            timestamp.build();
            signWith(header, credential, signatureAlgorithm);
            if (secondSigner != null) {
                signWith(header, secondSigner, null);
            }
            Element security = header.getSecurityHeaderElement();
            int n = 0;
            for (X509Certificate certificate : extraTokens) {
                X509Security token = new X509Security(document);
                token.setX509Certificate(certificate);
                token.setID("X509-extra-" + (++n));
                security.appendChild(token.getElement());
            }
            StringWriter out = new StringWriter();
            javax.xml.transform.Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        }

        private void signWith(WSSecHeader header, Credential signer, String algorithm) throws Exception {
            WSSecSignature signature = new WSSecSignature(header);
            signature.setUserInfo("signer", "secret");
            signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
            signature.setSignatureAlgorithm(algorithm != null ? algorithm : signer.algorithm().xmlSignatureUri());
            signature.setDigestAlgo(digestAlgorithm);
            signature.getParts().add(new WSEncryptionPart("Timestamp", WSConstants.WSU_NS, ""));
            if (signBody) {
                signature.getParts().add(new WSEncryptionPart("Body", "http://schemas.xmlsoap.org/soap/envelope/", ""));
            }
            signature.build(crypto(signer));
        }
    }

    private static Merlin crypto(Credential credential) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("signer", credential.privateKey(), "secret".toCharArray(),
                credential.chain().toArray(Certificate[]::new));
        Merlin merlin = new Merlin();
        merlin.setKeyStore(store);
        return merlin;
    }
}
