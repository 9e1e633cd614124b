package org.itlgateway.gateway.inbound;

import org.itlgateway.core.result.ResponseCode;
import org.w3c.dom.Element;

/**
 * The SOAPAction a request names, when it names one, is the operation of the element in its Body
 * ({@code "<service namespace>/<operation>"}); otherwise the request is refused with 1014 before anything reads the
 * Body. Without this check the stack would try to read the Body as the request of the other operation and answer
 * with a schema error (1011) that says nothing of the real mistake. It runs once the request authenticated, so the
 * refusal is signed.
 */
public final class SoapActionMatch {

    private SoapActionMatch() {
    }

    /**
     * Refuses (1014) a request whose SOAPAction header names another operation than the element in its Body.
     *
     * @param action  the header's value without its quotes, or {@code null} when the request has none
     * @param request the first element of the Body, or {@code null}
     */
    public static void check(String action, Element request) {
        if (action == null || action.isEmpty() || request == null) {
            return;
        }
        String named = request.getNamespaceURI() + "/" + request.getLocalName();
        if (!named.equals(action)) {
            throw Refusals.fault(ResponseCode.SOAP_ACTION_MISMATCH, "the SOAPAction names "
                    + (action.length() > 120 ? action.substring(0, 120) + "…" : action) + ", the Body carries "
                    + request.getLocalName());
        }
    }

    /** A SOAPAction header's value without its quotes. */
    public static String unquoted(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() >= 2 && stripped.startsWith("\"") && stripped.endsWith("\"")
                ? stripped.substring(1, stripped.length() - 1) : stripped;
    }
}
