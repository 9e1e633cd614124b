package org.itlgateway.gateway.transport;

import java.io.ByteArrayOutputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.cxf.staxutils.StaxUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** SOAP 1.1 envelopes as plain DOMs, for both ends of the direct path: made empty, walked, written out. */
final class SoapEnvelopes {

    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";

    private SoapEnvelopes() {
    }

    /** An envelope with an empty Header and an empty Body. */
    static Document newEnvelope() {
        Document document = DOMUtils.createDocument();
        Element envelope = document.createElementNS(SOAP11, "soap:Envelope");
        envelope.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:soap", SOAP11);
        envelope.appendChild(document.createElementNS(SOAP11, "soap:Header"));
        envelope.appendChild(document.createElementNS(SOAP11, "soap:Body"));
        document.appendChild(envelope);
        return document;
    }

    /** The envelope as UTF-8 bytes, as signed. */
    static byte[] bytesOf(Document document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            StaxUtils.writeTo(document, out);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the envelope: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Whether {@code element} is the SOAP 1.1 element {@code name}. */
    static boolean is(Element element, String name) {
        return element != null && SOAP11.equals(element.getNamespaceURI()) && name.equals(element.getLocalName());
    }

    /** The SOAP 1.1 child {@code name} of {@code parent}, or null. */
    static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && is(element, name)) {
                return element;
            }
        }
        return null;
    }

    /** The first child element of {@code parent} (null for none, or for no parent). */
    static Element firstElement(Element parent) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return element;
            }
        }
        return null;
    }
}
