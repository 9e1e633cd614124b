package org.itlgateway.gateway.inbound;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.apache.cxf.staxutils.StaxUtils;
import org.w3c.dom.Document;

/**
 * Reads a received message into a DOM, once, within the {@link InboundLimits} (depth, children, elements, text,
 * attributes, characters): a document type declaration stops the read (no DTD, no entity is ever expanded).
 */
public final class EnvelopeReading {

    private final XMLInputFactory factory;

    public EnvelopeReading(InboundLimits limits) {
        factory = XMLInputFactory.newFactory();
        if (!factory.isPropertySupported("com.ctc.wstx.maxElementDepth")) {
            // only Woodstox (CXF's StAX implementation) enforces the limits while it reads
            throw new IllegalStateException("the StAX implementation " + factory.getClass().getName()
                    + " cannot hold a message to the inbound limits");
        }
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty("com.ctc.wstx.maxElementDepth", limits.maxDepth());
        factory.setProperty("com.ctc.wstx.maxChildrenPerElement", limits.maxChildElements());
        factory.setProperty("com.ctc.wstx.maxElementCount", (long) limits.maxElementCount());
        factory.setProperty("com.ctc.wstx.maxTextLength", limits.maxTextLength());
        factory.setProperty("com.ctc.wstx.maxAttributesPerElement", limits.maxAttributes());
        factory.setProperty("com.ctc.wstx.maxAttributeSize", 4 * 1024);
        factory.setProperty("com.ctc.wstx.maxCharacters", (long) limits.maxBytes());
    }

    /**
     * @throws XMLStreamException when the bytes are not well-formed XML, carry a document type declaration or exceed
     *                            a limit (the message names which)
     */
    public Document read(byte[] received) throws XMLStreamException {
        XMLStreamReader reader = new NoDocumentType(factory.createXMLStreamReader(new ByteArrayInputStream(received)));
        try {
            return StaxUtils.read(reader);
        } finally {
            reader.close();
        }
    }

    private static final class NoDocumentType extends StreamReaderDelegate {
        NoDocumentType(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE
                    || event == XMLStreamConstants.ENTITY_DECLARATION) {
                throw new XMLStreamException("a DOCTYPE or entity is not allowed in a SOAP message");
            }
            return event;
        }
    }
}
