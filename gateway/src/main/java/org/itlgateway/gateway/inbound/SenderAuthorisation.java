package org.itlgateway.gateway.inbound;

import java.security.cert.X509Certificate;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.gateway.security.SignerIdentity;

/**
 * A registry can never speak for another: the certificate that signed the message must name the node in the
 * header's {@code from} field. Refused with 1007 (or 1002 when nothing was signed) as a SOAP fault.
 */
public final class SenderAuthorisation {

    private SenderAuthorisation() {
    }

    /** The signer's node code, once it is known to be the sender. */
    public static String authorise(X509Certificate signer, String from) {
        if (signer == null) {
            throw Refusals.fault(ResponseCode.SIGNATURE_MISSING, "the message is not signed");
        }
        String signerCode = SignerIdentity.nodeCodeOf(signer);
        if (!signerCode.equals(from)) {
            throw Refusals.fault(ResponseCode.SIGNER_IS_NOT_SENDER,
                    "the message says it comes from " + from + " but is signed by " + signerCode);
        }
        return signerCode;
    }
}
