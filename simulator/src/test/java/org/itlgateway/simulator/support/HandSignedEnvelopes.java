package org.itlgateway.simulator.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.apache.xml.security.c14n.Canonicalizer;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.schemas.DesSchema;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Proposals to the ITL written and signed by hand, as an attacker's own toolkit would: any header, any
 * blocks, any algorithm, extra tokens, second signatures, and changes made after signing.
 */
public final class HandSignedEnvelopes {

    public static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
    public static final String WSSE_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public static final String WSU_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    public static final String ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
    public static final String ECDSA_SHA1 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1";
    public static final String HMAC_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256";
    private static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private HandSignedEnvelopes() {
    }

    /** The fields of an external transfer proposal; every one can be a lie. */
    public record Proposal(String from, String to, String major, String minor, String transactionId, String transferring,
                    String acquiring, String blocks) {

        public Proposal withFrom(String value) {
            return new Proposal(value, to, major, minor, transactionId, transferring, acquiring, blocks);
        }

        public Proposal withTo(String value) {
            return new Proposal(from, value, major, minor, transactionId, transferring, acquiring, blocks);
        }

        public Proposal withMajor(String value) {
            return new Proposal(from, to, value, minor, transactionId, transferring, acquiring, blocks);
        }

        public Proposal withMinor(String value) {
            return new Proposal(from, to, major, value, transactionId, transferring, acquiring, blocks);
        }

        public Proposal withTransactionId(String value) {
            return new Proposal(from, to, major, minor, value, transferring, acquiring, blocks);
        }

        public Proposal withTransferring(String value) {
            return new Proposal(from, to, major, minor, transactionId, value, acquiring, blocks);
        }

        public Proposal withBlocks(String value) {
            return new Proposal(from, to, major, minor, transactionId, transferring, acquiring, value);
        }

        public String envelope() {
            return """
                    <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">\
                    <soap:Header/>\
                    <soap:Body>\
                    <svc:acceptProposal xmlns:svc="urn:itlgateway:des:1.0:transactionlog" xmlns:des="urn:itlgateway:des:1.0">\
                    <des:from>%s</des:from><des:to>%s</des:to><des:majorVersion>%s</des:majorVersion>\
                    <des:minorVersion>%s</des:minorVersion>\
                    <svc:proposedTransaction><des:transactionIdentifier>%s</des:transactionIdentifier>\
                    <des:transactionType>3</des:transactionType><des:suppTransactionType>0</des:suppTransactionType>\
                    <des:transferringRegistryCode>%s</des:transferringRegistryCode>\
                    <des:transferringRegistryAccountType>120</des:transferringRegistryAccountType>\
                    <des:transferringRegistryAccountIdentifier>77</des:transferringRegistryAccountIdentifier>\
                    <des:acquiringRegistryCode>%s</des:acquiringRegistryCode>\
                    <des:acquiringRegistryAccountType>120</des:acquiringRegistryAccountType>\
                    <des:acquiringRegistryAccountIdentifier>20045</des:acquiringRegistryAccountIdentifier>\
                    <des:proposalDateTime>2016-09-02T09:00:00Z</des:proposalDateTime>\
                    <des:proposalUnitBlocks>%s</des:proposalUnitBlocks></svc:proposedTransaction></svc:acceptProposal>\
                    </soap:Body></soap:Envelope>"""
                    .formatted(from, to, major, minor, transactionId, transferring, acquiring, blocks);
        }
    }

    /** One CER block of project 4321, CP2, from {@code start} to {@code end}. */
    public static String block(long start, long end) {
        return "<des:unitBlock><des:unitSerialBlockStart>" + start + "</des:unitSerialBlockStart>"
                + "<des:unitSerialBlockEnd>" + end + "</des:unitSerialBlockEnd>"
                + "<des:originatingRegistryCode>CDM</des:originatingRegistryCode><des:unitType>5</des:unitType>"
                + "<des:suppUnitType>0</des:suppUnitType><des:originalCommitPeriod>2</des:originalCommitPeriod>"
                + "<des:applicableCommitPeriod>2</des:applicableCommitPeriod><des:projectIdentifier>4321</des:projectIdentifier>"
                + "</des:unitBlock>";
    }

    /** How to sign: every knob an attacker's toolkit has. */
    public record Signing(Credential credential, String signatureAlgorithm, String digestAlgorithm, boolean signBody,
                   boolean signTimestamp, boolean withTimestamp, Instant created, int timeToLiveSeconds) {

        public static Signing by(Credential credential) {
            return new Signing(credential, credential.algorithm().xmlSignatureUri(), SHA256, true, true, true,
                    Instant.now(), 300);
        }

        public Signing algorithms(String signature, String digest) {
            return new Signing(credential, signature, digest, signBody, signTimestamp, withTimestamp, created, timeToLiveSeconds);
        }

        public Signing bodyUnsigned() {
            return new Signing(credential, signatureAlgorithm, digestAlgorithm, false, signTimestamp, withTimestamp, created,
                    timeToLiveSeconds);
        }

        public Signing timestampUnsigned() {
            return new Signing(credential, signatureAlgorithm, digestAlgorithm, signBody, false, withTimestamp, created,
                    timeToLiveSeconds);
        }

        public Signing noTimestamp() {
            return new Signing(credential, signatureAlgorithm, digestAlgorithm, signBody, false, false, created,
                    timeToLiveSeconds);
        }

        public Signing createdAt(Instant at, int ttl) {
            return new Signing(credential, signatureAlgorithm, digestAlgorithm, signBody, signTimestamp, withTimestamp, at, ttl);
        }
    }

    /** The envelope signed as the recipe says. */
    public static String sign(String envelope, Signing signing) {
        try {
            Document document = parse(envelope);
            WSSecHeader header = new WSSecHeader(document);
            header.insertSecurityHeader();
            if (signing.withTimestamp()) {
                WSSecTimestamp timestamp = new WSSecTimestamp(header);
                timestamp.setTimeToLive(signing.timeToLiveSeconds());
                timestamp.setWsTimeSource(signing::created);
                timestamp.build();
            }
            addSignature(header, signing);
            return serialise(document);
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign: " + e.getMessage(), e);
        }
    }

    /** An already signed envelope given a second signature by {@code second} over the same parts. */
    public static String signAgain(String signed, Signing second) {
        try {
            Document document = parse(signed);
            WSSecHeader header = new WSSecHeader(document);
            header.insertSecurityHeader();
            addSignature(header, second);
            return serialise(document);
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign again: " + e.getMessage(), e);
        }
    }

    private static void addSignature(WSSecHeader header, Signing signing) throws Exception {
        WSSecSignature signature = new WSSecSignature(header);
        signature.setUserInfo("signer", "secret");
        signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
        signature.setSignatureAlgorithm(signing.signatureAlgorithm());
        signature.setDigestAlgo(signing.digestAlgorithm());
        if (signing.withTimestamp() && signing.signTimestamp()) {
            signature.getParts().add(new WSEncryptionPart("Timestamp", WSConstants.WSU_NS, ""));
        }
        if (signing.signBody()) {
            String envelopeNamespace = header.getSecurityHeaderElement().getOwnerDocument().getDocumentElement().getNamespaceURI();
            signature.getParts().add(new WSEncryptionPart("Body", envelopeNamespace, ""));
        }
        signature.build(crypto(signing.credential()));
    }

    /** Appends a BinarySecurityToken carrying {@code certificate} that no signature refers to. */
    public static String withUnreferencedToken(String signed, X509Certificate certificate) {
        return edit(signed, document -> {
            Element security = first(document, WSSE_NS, "Security");
            Element token = document.createElementNS(WSSE_NS, "wsse:BinarySecurityToken");
            token.setAttribute("EncodingType",
                    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary");
            token.setAttribute("ValueType",
                    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3");
            token.setAttributeNS(WSU_NS, "wsu:Id", "X509-attacker");
            token.setTextContent(encoded(certificate));
            security.insertBefore(token, security.getFirstChild());
        });
    }

    /** The signature's method turned into HMAC-SHA256 keyed with the signer's public certificate (a known trick). */
    public static String hmacKeyedWithPublicCertificate(String signed, X509Certificate certificate) {
        return edit(signed, document -> {
            try {
                Element signedInfo = first(document, DSIG_NS, "SignedInfo");
                first(document, DSIG_NS, "SignatureMethod").setAttribute("Algorithm", HMAC_SHA256);
                ByteArrayOutputStream canonical = new ByteArrayOutputStream();
                Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(signedInfo, canonical);
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(certificate.getEncoded(), "HmacSHA256"));
                first(document, DSIG_NS, "SignatureValue")
                        .setTextContent(Base64.getEncoder().encodeToString(mac.doFinal(canonical.toByteArray())));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The ECDSA P-256 signature (r, s) replaced by its twin (r, n - s), which verifies just as well. */
    public static String malleated(String signed) {
        return edit(signed, document -> {
            Element value = first(document, DSIG_NS, "SignatureValue");
            byte[] raw = Base64.getMimeDecoder().decode(value.getTextContent().trim());
            int half = raw.length / 2;
            BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(raw, half, raw.length));
            byte[] twin = P256_ORDER.subtract(s).toByteArray();
            byte[] result = raw.clone();
            java.util.Arrays.fill(result, half, raw.length, (byte) 0);
            int copy = Math.min(twin.length, half);
            System.arraycopy(twin, twin.length - copy, result, raw.length - copy, copy);
            value.setTextContent(Base64.getEncoder().encodeToString(result));
        });
    }

    /** The envelope's DOM changed by {@code change}, serialised again. */
    public static String edit(String xml, java.util.function.Consumer<Document> change) {
        try {
            Document document = parse(xml);
            change.accept(document);
            return serialise(document);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static UnaryOperator<String> replaceFirst(String what, String with) {
        return xml -> {
            int at = xml.indexOf(what);
            if (at < 0) {
                throw new IllegalStateException("no " + what + " in the envelope");
            }
            return xml.substring(0, at) + with + xml.substring(at + what.length());
        };
    }

    public static Element first(Document document, String namespace, String localName) {
        Node node = document.getElementsByTagNameNS(namespace, localName).item(0);
        if (node == null) {
            throw new IllegalStateException("no " + localName + " in the envelope");
        }
        return (Element) node;
    }

    public static List<Element> all(Document document, String namespace, String localName) {
        var nodes = document.getElementsByTagNameNS(namespace, localName);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    public static String encoded(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document parse(String xml) throws Exception {
        return DesSchema.secureDocumentBuilderFactory().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String serialise(Document document) throws Exception {
        StringWriter out = new StringWriter();
        Transformer transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        transformer.transform(new DOMSource(document), new StreamResult(out));
        return out.toString();
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
