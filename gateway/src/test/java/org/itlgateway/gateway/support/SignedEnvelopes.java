package org.itlgateway.gateway.support;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.schemas.DesSchema;
import org.w3c.dom.Document;

/**
 * Signs envelopes by hand (WS-Security DOM API) for tests that need a message the clients would never send:
 * a timestamp from the past, or a body changed after signing.
 */
public final class SignedEnvelopes {

    private SignedEnvelopes() {
    }

    /** The envelope signed over Timestamp and Body, its timestamp created at {@code created}. */
    public static String sign(byte[] envelope, Credential credential, Instant created) throws Exception {
        return sign(envelope, credential, created, true);
    }

    /** The same, leaving the Body out of the signature when {@code signBody} is false. */
    public static String sign(byte[] envelope, Credential credential, Instant created, boolean signBody) throws Exception {
        Document document = DesSchema.secureDocumentBuilderFactory().newDocumentBuilder()
                .parse(new ByteArrayInputStream(envelope));
        WSSecHeader header = new WSSecHeader(document);
        header.insertSecurityHeader();
        WSSecTimestamp timestamp = new WSSecTimestamp(header);
        timestamp.setTimeToLive((int) Duration.ofMinutes(5).toSeconds());
        timestamp.setWsTimeSource(() -> created);
        timestamp.build();
        WSSecSignature signature = new WSSecSignature(header);
        signature.setUserInfo("signer", "secret");
        signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
        signature.setSignatureAlgorithm(credential.algorithm().xmlSignatureUri());
        signature.setDigestAlgo("http://www.w3.org/2001/04/xmlenc#sha256");
        signature.getParts().add(new WSEncryptionPart("Timestamp", WSConstants.WSU_NS, ""));
        if (signBody) {
            signature.getParts().add(new WSEncryptionPart("Body", "http://schemas.xmlsoap.org/soap/envelope/", ""));
        }
        signature.build(crypto(credential));
        StringWriter out = new StringWriter();
        javax.xml.transform.Transformer transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
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
