package org.itlgateway.gateway.inbound;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.itlgateway.core.result.ResponseCode;

/**
 * The envelope is an optional Header and then one Body, nothing else (WS-I Basic Profile R1011): a second Body
 * after the signed one, or anything after the Body, is refused (1013) before the receipt. It is checked on the
 * bytes as received, since the stack's own model of the envelope keeps only the first Body and would hide the
 * rest. No two elements may carry the same Id (wsu:Id, or the Id of XML Signature's elements): a signature
 * reference to it would be ambiguous, which is how wrapping attacks hide a forged element (1003).
 */
final class EnvelopeShape {

    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static final XMLInputFactory FACTORY = secureFactory();

    private EnvelopeShape() {
    }

    static void check(byte[] received) {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(received));
            try {
                checkChildrenOfEnvelope(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw refusal("the SOAP envelope cannot be read");
        }
    }

    private static void checkChildrenOfEnvelope(XMLStreamReader reader) throws XMLStreamException {
        int depth = 0;
        int children = 0;
        boolean body = false;
        java.util.Set<String> ids = new java.util.HashSet<>();
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                requireUniqueIds(reader, ids);
                if (depth == 2) {
                    children++;
                    boolean soap = SOAP11.equals(reader.getNamespaceURI());
                    String name = reader.getLocalName();
                    if (body) {
                        throw refusal(soap && "Body".equals(name) ? "the envelope carries a second Body"
                                : "the envelope carries an element after its Body");
                    }
                    if (soap && "Body".equals(name)) {
                        body = true;
                    } else if (!(soap && "Header".equals(name) && children == 1)) {
                        throw refusal("the envelope carries an element other than one Header and one Body");
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (depth == 0) {
                    break;
                }
            }
        }
        if (!body) {
            throw refusal("the envelope has no Body");
        }
    }

    private static void requireUniqueIds(XMLStreamReader reader, java.util.Set<String> ids) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String namespace = reader.getAttributeNamespace(i);
            String name = reader.getAttributeLocalName(i);
            boolean id = WSU.equals(namespace) && "Id".equals(name)
                    || (namespace == null || namespace.isEmpty()) && ("Id".equals(name) || "ID".equals(name));
            if (id && !ids.add(reader.getAttributeValue(i))) {
                throw Refusals.fault(ResponseCode.SIGNATURE_INVALID, "two elements carry the Id "
                        + abbreviated(reader.getAttributeValue(i)) + ": a signature reference to it would be ambiguous");
            }
        }
    }

    private static String abbreviated(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "…" : value;
    }

    private static RuntimeException refusal(String reason) {
        return Refusals.fault(ResponseCode.HOSTILE_XML, reason);
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
