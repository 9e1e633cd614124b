package org.itlgateway.gateway.security;

import java.util.Map;
import java.util.Optional;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPHeader;
import jakarta.xml.soap.SOAPMessage;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.handler.RequestData;
import org.itlgateway.core.result.ResponseCode;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * WS-Security's verification of a received message with this project's rules added: only the algorithms and
 * keys of the {@link AlgorithmPolicy} pass, and a refusal names its cause (a weak algorithm or key: 1016; more
 * than one signature: 1003) instead of WS-Security's generic "invalid security header".
 */
final class SignatureVerification extends WSS4JInInterceptor {

    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    SignatureVerification(Map<String, Object> properties) {
        super(properties);
    }

    @Override
    protected void setAlgorithmSuites(SoapMessage message, RequestData data) {
        data.setAlgorithmSuite(AlgorithmPolicy.suite());
    }

    /**
     * WS-Security's own replay cache is per process and keyed on the signature value (which an ECDSA twin
     * changes); endpoints use the shared {@link SeenMessages} instead, keyed on what only the signer can change.
     */
    @Override
    protected boolean isTimestampCacheRequired(java.util.List<Integer> actions, SoapMessage message) {
        return false;
    }

    @Override
    protected boolean isNonceCacheRequired(java.util.List<Integer> actions, SoapMessage message) {
        return false;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        try {
            super.handleMessage(message);
        } catch (Fault fault) {
            if (causedByInvalidHeader(fault)) {
                diagnosis(message).ifPresent(refusal -> {
                    throw refusal;
                });
            }
            throw fault;
        }
    }

    private static boolean causedByInvalidHeader(Throwable fault) {
        for (Throwable cause = fault; cause != null; cause = cause.getCause()) {
            if (cause instanceof WSSecurityException security) {
                return security.getErrorCode() == WSSecurityException.ErrorCode.INVALID_SECURITY;
            }
        }
        return true;
    }

    /** Why WS-Security found the header invalid, when it is one of the reasons this project names. */
    private static Optional<SignatureRefusal> diagnosis(SoapMessage message) {
        SOAPMessage soap = message.getContent(SOAPMessage.class);
        if (soap == null) {
            return Optional.empty();
        }
        try {
            SOAPHeader header = soap.getSOAPHeader();
            return header == null ? Optional.empty() : diagnosis(header);
        } catch (SOAPException e) {
            return Optional.empty();
        }
    }

    /** Why WS-Security found the security header under this SOAP Header invalid, when this project names it. */
    static Optional<SignatureRefusal> diagnosis(Element header) {
        NodeList securityHeaders = header.getElementsByTagNameNS(WSSE, "Security");
        int signatures = 0;
        for (int i = 0; i < securityHeaders.getLength(); i++) {
            Element security = (Element) securityHeaders.item(i);
            Optional<SignatureRefusal> weak = AlgorithmPolicy.violationIn(security);
            if (weak.isPresent()) {
                return weak;
            }
            signatures += security.getElementsByTagNameNS(DSIG, "Signature").getLength();
        }
        if (signatures > 1) {
            return Optional.of(new SignatureRefusal(ResponseCode.SIGNATURE_INVALID,
                    "the message carries more than one signature"));
        }
        return Optional.empty();
    }
}
