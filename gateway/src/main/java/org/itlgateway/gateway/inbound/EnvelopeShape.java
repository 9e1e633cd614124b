package org.itlgateway.gateway.inbound;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.itlgateway.core.check.ResponseCode;

/**
 * The envelope is an optional Header and then one Body, nothing else (WS-I Basic Profile R1011): a second Body
 * after the signed one, or anything after the Body, is refused (1013) before the receipt. It is checked on the
 * bytes as received, since the stack's own model of the envelope keeps only the first Body and would hide the
 * rest.
 */
final class EnvelopeShape {

    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
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
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
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
