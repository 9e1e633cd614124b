package org.itlgateway.testkit.wiremock;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecSignatureConfirmation;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.apache.wss4j.dom.util.WSSecurityUtil;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.security.AlgorithmPolicy;
import org.itlgateway.gateway.security.SignatureRefusal;
import org.itlgateway.gateway.security.SignerIdentity;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.gateway.security.VerifiedSignature;
import org.itlgateway.schemas.DesContract;
import org.itlgateway.schemas.DesSchema;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Answers a request to the ITL's TransactionLogService as the ITL's endpoint does, without a network: the request's
 * WS-Security signature is verified against the CA (allow-listed algorithms, a fresh signed Timestamp, one signer
 * whose certificate names one node, over the Body and the Timestamp); a request that does not authenticate gets an
 * unsigned refusal fault. An authenticated one gets the receipt of its operation, or a refusal fault when its header
 * is wrong (signer not {@code from}: 1007, {@code to} not this node: 1010, versions: 1031, 1032), signed by this node's
 * credential and confirming the request's signature (WS-Security 1.1 SignatureConfirmation, covered by the
 * signature). Thread-safe.
 */
public final class ItlResponder {

    /** The TransactionLogService's operations, each answered by {@code <operation>Response}. */
    public static final List<String> OPERATIONS = List.of("acceptProposal", "acceptNotification",
            "getTransactionStatus", "acceptMessage", "provideTotals", "provideUnitBlocks", "provideAuditTrail",
            "receiveTotals", "receiveUnitBlocks", "receiveAuditTrail", "receiveReconciliationResult",
            "acceptEvidenceCheckpoint");

    private static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String SERVICE_NS = DesContract.TRANSACTION_LOG_NAMESPACE;
    private static final String TYPES_NS = DesContract.TYPES_NAMESPACE;
    private static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    private static final String EXCLUSIVE_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    private static final String SIGNER_ALIAS = "itl";
    private static final Set<String> KNOWN = Set.copyOf(OPERATIONS);

    private final Credential credential;
    private final String node;
    private final Merlin verifying;
    private final Merlin signing;
    private final String keyPassword;
    private final Clock clock;

    /**
     * @param credential    the key and certificate this node signs its answers with (its CN names the node, e.g. ITL)
     * @param caCertificate the CA every request's signer must chain to
     */
    public ItlResponder(Credential credential, X509Certificate caCertificate) {
        this(credential, caCertificate, Clock.systemUTC());
    }

    ItlResponder(Credential credential, X509Certificate caCertificate, Clock clock) {
        this.credential = credential;
        this.node = SignerIdentity.nodeCodeOf(credential.certificate());
        this.keyPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        this.clock = clock;
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("trust-anchor", caCertificate);
            this.verifying = new Merlin();
            verifying.setTrustStore(trust);
            KeyStore key = KeyStore.getInstance("PKCS12");
            key.load(null, null);
            key.setKeyEntry(SIGNER_ALIAS, credential.privateKey(), keyPassword.toCharArray(),
                    credential.chain().toArray(Certificate[]::new));
            this.signing = new Merlin();
            signing.setKeyStore(key);
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot hold the credential and the CA: " + e.getMessage(), e);
        }
    }

    /** The node this responder answers as (its certificate's CN). */
    public String node() {
        return node;
    }

    /** An HTTP answer: status and SOAP envelope. */
    public record Answer(int status, byte[] body) {

        /** The body as text. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * The answer to one request.
     *
     * @param request    the request's bytes as received
     * @param soapAction the SOAPAction header (quoted or not), or null
     * @param receipt    what an authenticated request is answered
     */
    public Answer answer(byte[] request, String soapAction, ReceiptContent receipt) {
        Document document;
        Element body;
        Element operation;
        try {
            document = DesSchema.secureDocumentBuilderFactory().newDocumentBuilder().parse(new ByteArrayInputStream(request));
            body = child(document.getDocumentElement(), SOAP_NS, "Body");
            operation = body == null ? null : firstElement(body);
        } catch (Exception unreadable) {
            return unsigned(ResponseCode.SCHEMA_INVALID, "the message cannot be processed: it is not XML");
        }
        if (!SOAP_NS.equals(document.getDocumentElement().getNamespaceURI()) || operation == null
                || !SERVICE_NS.equals(operation.getNamespaceURI()) || !KNOWN.contains(operation.getLocalName())) {
            return unsigned(ResponseCode.SCHEMA_INVALID,
                    "the message cannot be processed: its Body holds no operation of the TransactionLogService");
        }
        String action = soapAction == null ? "" : soapAction.replace("\"", "").trim();
        if (!action.isEmpty() && !action.equals(SERVICE_NS + "/" + operation.getLocalName())) {
            return unsigned(ResponseCode.SOAP_ACTION_MISMATCH, "the SOAPAction does not match the operation in the Body");
        }
        List<WSSecurityEngineResult> results;
        try {
            results = verify(document);
        } catch (WSSecurityException refused) {
            return unsigned(codeOf(refused), "the signature does not verify: " + refused.getMessage());
        }
        VerifiedSignature signature;
        try {
            signature = results.isEmpty() ? null : VerifiedSignature.of(results, body);
        } catch (SignatureRefusal refusal) {
            return unsigned(refusal.code(), refusal.reason());
        }
        if (signature == null) {
            return unsigned(ResponseCode.SIGNATURE_MISSING,
                    "the message carries no valid WS-Security signature over Body and Timestamp");
        }
        byte[] signatureValue = signatureValueOf(results);
        String from = text(operation, "from");
        String signer = SignerIdentity.nodeCodeOf(signature.signer());
        if (!signer.equals(from)) {
            return signed(signatureValue, refusalFault(ResponseCode.SIGNER_IS_NOT_SENDER,
                    "the message is signed by " + signer + ", not by its sender " + from));
        }
        if (!node.equals(text(operation, "to"))) {
            return signed(signatureValue, refusalFault(ResponseCode.WRONG_RECIPIENT,
                    "this is " + node + ", not " + text(operation, "to")));
        }
        if (!String.valueOf(DesContract.MAJOR_VERSION).equals(text(operation, "majorVersion"))) {
            return signed(signatureValue, refusalFault(ResponseCode.MAJOR_VERSION_UNSUPPORTED,
                    "major version " + text(operation, "majorVersion") + " is not supported"));
        }
        if (!List.of("0", "1").contains(text(operation, "minorVersion"))) {
            return signed(signatureValue, refusalFault(ResponseCode.MINOR_VERSION_UNSUPPORTED,
                    "minor version " + text(operation, "minorVersion") + " is not supported"));
        }
        if (receipt.refusal() != null) {
            return signed(signatureValue, refusalFault(ResponseCode.fromCode(receipt.refusal().responseCode()),
                    receipt.refusal().reason()));
        }
        return signed(signatureValue, receiptEnvelope(operation, receipt));
    }

    private List<WSSecurityEngineResult> verify(Document document) throws WSSecurityException {
        Element security = WSSecurityUtil.getSecurityHeader(document, null);
        if (security == null) {
            return List.of();
        }
        RequestData data = new RequestData();
        data.setWssConfig(WSSConfig.getNewInstance());
        data.setSigVerCrypto(verifying);
        data.setAlgorithmSuite(AlgorithmPolicy.suite());
        data.setSubjectCertConstraints(List.of(Pattern.compile(TrustSettings.NODE_SUBJECT)));
        data.setTimeStampStrict(true);
        data.setRequireTimestampExpires(true);
        data.setTimeStampTTL(300);
        data.setTimeStampFutureTTL(60);
        WSHandlerResult handled = new WSSecurityEngine().processSecurityHeader(security, data);
        return handled == null ? List.of() : new ArrayList<>(handled.getResults());
    }

    private static ResponseCode codeOf(WSSecurityException refused) {
        if (refused.getErrorCode() == WSSecurityException.ErrorCode.MESSAGE_EXPIRED) {
            return ResponseCode.TIMESTAMP_STALE;
        }
        if (refused.getErrorCode() == WSSecurityException.ErrorCode.FAILED_AUTHENTICATION) {
            return ResponseCode.CERTIFICATE_NOT_TRUSTED;
        }
        return ResponseCode.SIGNATURE_INVALID;
    }

    private static byte[] signatureValueOf(List<WSSecurityEngineResult> results) {
        for (WSSecurityEngineResult result : results) {
            if (Integer.valueOf(WSConstants.SIGN).equals(result.get(WSSecurityEngineResult.TAG_ACTION))) {
                return (byte[]) result.get(WSSecurityEngineResult.TAG_SIGNATURE_VALUE);
            }
        }
        throw new IllegalStateException("a verified signature has a value");
    }

    private String receiptEnvelope(Element operation, ReceiptContent receipt) {
        String name = operation.getLocalName();
        StringBuilder fields = new StringBuilder();
        fields.append("<des:resultIdentifier>").append(receipt.resultIdentifier()).append("</des:resultIdentifier>");
        if (!receipt.responseCodes().isEmpty()) {
            fields.append("<des:responseCodes>");
            for (int code : receipt.responseCodes()) {
                fields.append("<des:responseCode>").append(code).append("</des:responseCode>");
            }
            fields.append("</des:responseCodes>");
        }
        if (receipt.reason() != null) {
            fields.append("<des:reason>").append(escaped(receipt.reason())).append("</des:reason>");
        }
        if (name.equals("getTransactionStatus")) {
            Element asked = child(operation, SERVICE_NS, "transactionIdentifier");
            if (asked != null) {
                fields.append("<des:transactionIdentifier>").append(escaped(asked.getTextContent().trim()))
                        .append("</des:transactionIdentifier>");
            }
            if (receipt.transactionStatus() != null) {
                fields.append("<des:transactionStatus>").append(receipt.transactionStatus())
                        .append("</des:transactionStatus><des:transactionStatusDateTime>").append(clock.instant())
                        .append("</des:transactionStatusDateTime>");
            }
        }
        return envelope("<tl:" + name + "Response xmlns:tl=\"" + SERVICE_NS + "\" xmlns:des=\"" + TYPES_NS + "\">"
                + fields + "</tl:" + name + "Response>");
    }

    private static String refusalFault(ResponseCode code, String reason) {
        return envelope("<soap:Fault><faultcode>soap:Client</faultcode><faultstring>" + code.code() + " " + code.name()
                + ": " + escaped(reason) + "</faultstring><detail><des:refusal xmlns:des=\"" + TYPES_NS + "\">"
                + "<des:responseCode>" + code.code() + "</des:responseCode><des:reason>" + escaped(reason)
                + "</des:reason></des:refusal></detail></soap:Fault>");
    }

    private static String envelope(String bodyContent) {
        return "<soap:Envelope xmlns:soap=\"" + SOAP_NS + "\"><soap:Header/><soap:Body>" + bodyContent
                + "</soap:Body></soap:Envelope>";
    }

    /** The refusal of a request that did not authenticate: unsigned, as the ITL spends no signature on it. */
    private static Answer unsigned(ResponseCode code, String reason) {
        return new Answer(500, refusalFault(code, reason).getBytes(StandardCharsets.UTF_8));
    }

    /** The envelope signed over Timestamp, Body and the confirmation of the request's signature value. */
    private Answer signed(byte[] requestSignatureValue, String envelope) {
        try {
            Document document = DesSchema.secureDocumentBuilderFactory().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8)));
            WSSecHeader header = new WSSecHeader(document);
            header.setMustUnderstand(true);
            header.insertSecurityHeader();
            WSSecTimestamp timestamp = new WSSecTimestamp(header);
            timestamp.setTimeToLive(300);
            timestamp.setWsTimeSource(clock::instant);
            timestamp.build();
            WSSecSignatureConfirmation confirmation = new WSSecSignatureConfirmation(header);
            confirmation.build(requestSignatureValue);
            WSSecSignature signature = new WSSecSignature(header);
            signature.setUserInfo(SIGNER_ALIAS, keyPassword);
            signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
            signature.setSignatureAlgorithm(credential.algorithm().xmlSignatureUri());
            signature.setDigestAlgo(SHA256);
            signature.setSigCanonicalization(EXCLUSIVE_C14N);
            signature.getParts().add(new WSEncryptionPart("Timestamp", WSConstants.WSU_NS, ""));
            signature.getParts().add(new WSEncryptionPart("Body", SOAP_NS, ""));
            signature.getParts().add(new WSEncryptionPart(WSConstants.SIGNATURE_CONFIRMATION_LN, WSConstants.WSSE11_NS, ""));
            signature.build(signing);
            boolean fault = envelope.contains("<soap:Fault>");
            return new Answer(fault ? 500 : 200, serialised(document));
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign the answer: " + e.getMessage(), e);
        }
    }

    private static byte[] serialised(Document document) throws Exception {
        Transformer transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transformer.transform(new DOMSource(document), new StreamResult(out));
        return out.toByteArray();
    }

    private static String text(Element operation, String field) {
        Element element = child(operation, TYPES_NS, field);
        return element == null ? "" : element.getTextContent().trim();
    }

    private static Element child(Element parent, String namespace, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && namespace.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static Element firstElement(Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return element;
            }
        }
        return null;
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
