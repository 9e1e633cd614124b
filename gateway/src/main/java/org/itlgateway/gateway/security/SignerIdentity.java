package org.itlgateway.gateway.security;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import org.apache.cxf.message.Message;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.itlgateway.core.result.ResponseCode;
import org.w3c.dom.Node;

/**
 * Which node signed a message: the CN of the certificate whose key verified the one signature over the Body and
 * the Timestamp the node processes (see {@link VerifiedSignature}), nothing else in the header.
 */
public final class SignerIdentity {

    private SignerIdentity() {
    }

    /** The node code a certificate names (its subject's only CN), or "" when it names none or several. */
    public static String nodeCodeOf(X509Certificate certificate) {
        List<String> names = commonNamesOf(certificate);
        return names.size() == 1 ? names.get(0) : "";
    }

    /** Every CN of the certificate's subject. */
    public static List<String> commonNamesOf(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    names.add(rdn.getValue().toString());
                }
            }
        } catch (InvalidNameException e) {
            return List.of();
        }
        return names;
    }

    /**
     * The certificate whose key verified the signature covering this message's Body and Timestamp, or
     * {@code null} when WS-Security verified no signature.
     *
     * @throws SignatureRefusal when the security header does not name one signer beyond doubt (a token no
     *                          signature uses, a second signature, a certificate naming several nodes ...)
     */
    public static X509Certificate signerOf(Message message) {
        VerifiedSignature signature = signatureOf(message);
        return signature == null ? null : signature.signer();
    }

    /** The verified signature of this message (see {@link VerifiedSignature#of}), or {@code null}. */
    public static VerifiedSignature signatureOf(Message message) {
        Object results = message.getContextualProperty(WSHandlerConstants.RECV_RESULTS);
        if (!(results instanceof List<?> handlerResults)) {
            return null;
        }
        List<WSSecurityEngineResult> all = new ArrayList<>();
        for (Object handlerResult : handlerResults) {
            if (handlerResult instanceof WSHandlerResult result) {
                all.addAll(result.getResults());
            }
        }
        if (all.isEmpty()) {
            return null;
        }
        return VerifiedSignature.of(all, bodyOf(message));
    }

    private static Node bodyOf(Message message) {
        SOAPMessage soap = message.getContent(SOAPMessage.class);
        if (soap == null && message.getExchange() != null && message.getExchange().getInMessage() != null) {
            soap = message.getExchange().getInMessage().getContent(SOAPMessage.class);
        }
        if (soap == null) {
            throw new SignatureRefusal(ResponseCode.SIGNATURE_INVALID, "the signed envelope is not available");
        }
        try {
            return soap.getSOAPBody();
        } catch (SOAPException e) {
            throw new SignatureRefusal(ResponseCode.SIGNATURE_INVALID, "the envelope has no readable Body");
        }
    }
}
