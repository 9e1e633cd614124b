package org.itlgateway.gateway.security;

import java.security.cert.X509Certificate;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.apache.cxf.message.Message;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;

/** Which node signed a message: the CN of the certificate that WS-Security verified. */
public final class SignerIdentity {

    private SignerIdentity() {
    }

    /** The node code a certificate names (its subject's CN). */
    public static String nodeCodeOf(X509Certificate certificate) {
        try {
            LdapName name = new LdapName(certificate.getSubjectX500Principal().getName());
            for (Rdn rdn : name.getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return rdn.getValue().toString();
                }
            }
            return "";
        } catch (InvalidNameException e) {
            return "";
        }
    }

    /** The certificate whose signature WS-Security verified on this message, or {@code null}. */
    public static X509Certificate signerOf(Message message) {
        Object results = message.getContextualProperty(WSHandlerConstants.RECV_RESULTS);
        if (!(results instanceof List<?> handlerResults)) {
            return null;
        }
        for (Object handlerResult : handlerResults) {
            if (handlerResult instanceof WSHandlerResult result) {
                for (WSSecurityEngineResult engineResult : result.getResults()) {
                    Object certificate = engineResult.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE);
                    if (certificate instanceof X509Certificate x509) {
                        return x509;
                    }
                }
            }
        }
        return null;
    }
}
