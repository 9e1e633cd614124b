package org.itlgateway.schemas;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Finds the DES payload in a SOAP 1.1 envelope: the first element child of the Body. */
public final class SoapPayload {

    public static final String SOAP_11_NAMESPACE = "http://schemas.xmlsoap.org/soap/envelope/";

    private SoapPayload() {
    }

    /**
     * The payload of an envelope, or the element itself when it is not an envelope (a bare payload);
     * {@code null} when the envelope has no Body or an empty one.
     */
    public static Element of(Element root) {
        if (!SOAP_11_NAMESPACE.equals(root.getNamespaceURI()) || !"Envelope".equals(root.getLocalName())) {
            return root;
        }
        Element body = firstChildElement(root, "Body");
        return body == null ? null : firstChildElement(body, null);
    }

    private static Element firstChildElement(Element parent, String localName) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element
                    && (localName == null || (localName.equals(element.getLocalName())
                            && SOAP_11_NAMESPACE.equals(element.getNamespaceURI())))) {
                return element;
            }
        }
        return null;
    }
}
