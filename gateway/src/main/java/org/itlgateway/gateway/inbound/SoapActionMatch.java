package org.itlgateway.gateway.inbound;

import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import java.util.List;
import java.util.Map;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.itlgateway.core.result.ResponseCode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The SOAPAction a request names, when it names one, is the operation of the element in its Body
 * ({@code "<service namespace>/<operation>"}); otherwise the request is refused with 1014 before anything reads the
 * Body. Without this check the stack would try to read the Body as the request of the other operation and answer
 * with a schema error (1011) that says nothing of the real mistake. It runs once the request authenticated, so the
 * refusal is signed.
 */
public final class SoapActionMatch extends AbstractPhaseInterceptor<SoapMessage> {

    public SoapActionMatch() {
        super(Phase.PROTOCOL);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        check(message);
    }

    static void check(SoapMessage message) {
        String action = soapAction(message);
        if (action == null || action.isEmpty()) {
            return;
        }
        Element request = firstElementOfBody(message);
        if (request == null) {
            return;
        }
        String named = request.getNamespaceURI() + "/" + request.getLocalName();
        if (!named.equals(action)) {
            throw Refusals.fault(ResponseCode.SOAP_ACTION_MISMATCH, "the SOAPAction names "
                    + (action.length() > 120 ? action.substring(0, 120) + "…" : action) + ", the Body carries "
                    + request.getLocalName());
        }
    }

    private static String soapAction(SoapMessage message) {
        Object headers = message.get(Message.PROTOCOL_HEADERS);
        if (!(headers instanceof Map<?, ?> map)) {
            return null;
        }
        for (Map.Entry<?, ?> header : map.entrySet()) {
            if (header.getKey() instanceof String name && "SOAPAction".equalsIgnoreCase(name)
                    && header.getValue() instanceof List<?> values && !values.isEmpty()) {
                String value = String.valueOf(values.get(0)).strip();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    private static Element firstElementOfBody(SoapMessage message) {
        SOAPMessage soap = message.getContent(SOAPMessage.class);
        if (soap == null) {
            return null;
        }
        try {
            for (Node child = soap.getSOAPBody().getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element) {
                    return element;
                }
            }
        } catch (SOAPException e) {
            return null;
        }
        return null;
    }
}
