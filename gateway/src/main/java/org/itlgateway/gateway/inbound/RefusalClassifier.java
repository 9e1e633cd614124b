package org.itlgateway.gateway.inbound;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.gateway.security.SignatureRefusal;

/**
 * Names the response code of a fault raised by the stack (WS-Security, the parser, schema validation, the
 * SOAPAction check) from its cause, so every refusal carries a code and a short reason.
 */
final class RefusalClassifier {

    private RefusalClassifier() {
    }

    record Classified(ResponseCode code, String reason) {
    }

    static Classified classify(Throwable fault) {
        SignatureRefusal refusal = find(fault, SignatureRefusal.class);
        if (refusal != null) {
            return new Classified(refusal.code(), refusal.reason());
        }
        String text = allMessages(fault).toLowerCase(Locale.ROOT);
        for (Throwable cause = fault; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertPathValidatorException path
                    && path.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
                return new Classified(ResponseCode.CERTIFICATE_REVOKED, "the signer certificate is revoked");
            }
            if (cause instanceof CertificateExpiredException || cause instanceof CertificateNotYetValidException
                    || (cause instanceof CertPathValidatorException path
                        && (path.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                            || path.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID))) {
                return new Classified(ResponseCode.CERTIFICATE_EXPIRED, "the signer certificate is not valid at this time");
            }
        }
        for (Throwable cause = fault; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertPathValidatorException || cause instanceof java.security.cert.CertPathBuilderException) {
                return new Classified(ResponseCode.CERTIFICATE_NOT_TRUSTED,
                        "the signer certificate does not chain to the trusted CA");
            }
        }
        if (text.contains("no signed element") || text.contains("no encrypted element")) {
            return new Classified(ResponseCode.SIGNATURE_INVALID,
                    "the signature does not cover the Body and the Timestamp that are processed");
        }
        if (text.contains("doctype") || text.contains("dtd") || text.contains("entity")) {
            return new Classified(ResponseCode.HOSTILE_XML, "DOCTYPE and entity declarations are not allowed in SOAP messages");
        }
        if (text.contains("maximum") || text.contains("exceeded") || text.contains("too large") || text.contains("limit")) {
            return new Classified(ResponseCode.MESSAGE_TOO_LARGE, "the message exceeds the size, depth or element limits");
        }
        if (text.contains("soapaction") || text.contains("soap action") || text.contains("unexpected wrapper element")) {
            return new Classified(ResponseCode.SOAP_ACTION_MISMATCH, "the SOAPAction does not match the operation in the Body");
        }
        if (text.contains("unmarshalling error") || text.contains("cvc-")) {
            return new Classified(ResponseCode.SCHEMA_INVALID, "the message does not conform to the schema: " + firstLine(fault));
        }
        WSSecurityException security = find(fault, WSSecurityException.class);
        if (security != null) {
            return classifySecurity(security, text);
        }
        if (fault instanceof SoapFault soap && soap.getFaultCode() != null
                && soap.getFaultCode().getLocalPart().toLowerCase(Locale.ROOT).contains("security")) {
            return classifySecurity(null, text);
        }
        return new Classified(ResponseCode.SCHEMA_INVALID, "the message cannot be processed: " + firstLine(fault));
    }

    private static Classified classifySecurity(WSSecurityException security, String text) {
        if (text.contains("expired") || text.contains("timestamp") && (text.contains("future") || text.contains("old"))) {
            return new Classified(ResponseCode.TIMESTAMP_STALE, "the message timestamp is missing, expired or in the future");
        }
        if (text.contains("replay")) {
            return new Classified(ResponseCode.MESSAGE_REPLAYED, "this message was received before");
        }
        if (security != null) {
            switch (security.getErrorCode()) {
                case FAILED_AUTHENTICATION:
                case SECURITY_TOKEN_UNAVAILABLE:
                case INVALID_SECURITY_TOKEN:
                    return new Classified(ResponseCode.CERTIFICATE_NOT_TRUSTED,
                            "the signer certificate is not trusted (unknown CA or subject)");
                case FAILED_CHECK:
                    return new Classified(ResponseCode.SIGNATURE_INVALID, "the signature does not verify");
                case UNSUPPORTED_SECURITY_TOKEN:
                    return new Classified(ResponseCode.SECURITY_TOKEN_NOT_ACCEPTED,
                            "only an X.509 signature with a timestamp is accepted in the Security header");
                case MESSAGE_EXPIRED:
                    return new Classified(ResponseCode.TIMESTAMP_STALE, "the message timestamp has expired");
                default:
                    break;
            }
        }
        if (text.contains("no security") || text.contains("security header") || text.contains("not signed")
                || text.contains("wsse:security") || text.contains("missing")) {
            return new Classified(ResponseCode.SIGNATURE_MISSING, "the message carries no valid WS-Security signature over Body and Timestamp");
        }
        return new Classified(ResponseCode.SIGNATURE_INVALID, "the signature does not verify");
    }

    private static <T extends Throwable> T find(Throwable top, Class<T> type) {
        for (Throwable cause = top; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String allMessages(Throwable top) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = top; cause != null; cause = cause.getCause()) {
            text.append(cause.getClass().getSimpleName()).append(' ').append(cause.getMessage()).append(" | ");
        }
        return text.toString();
    }

    private static String firstLine(Throwable fault) {
        String message = String.valueOf(fault.getMessage());
        int newline = message.indexOf('\n');
        message = newline > 0 ? message.substring(0, newline) : message;
        return message.length() > 300 ? message.substring(0, 300) : message;
    }
}
