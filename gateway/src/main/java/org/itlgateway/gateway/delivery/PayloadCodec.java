package org.itlgateway.gateway.delivery;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.wire.Request;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.DesSchema;
import org.itlgateway.schemas.SoapPayload;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Requests of both services as XML and back: how the outbox keeps a message until it is sent, how the inbox reads a
 * received message again, and the digest that tells "same content" from "other content". What element an operation's
 * request is, and what it holds, is the {@link Wire}'s; this writes and reads the elements. One JAXB context for the
 * whole contract (creating one is expensive; using it is thread-safe).
 */
public final class PayloadCodec {

    private static final JAXBContext CONTEXT = context();

    private PayloadCodec() {
    }

    /** The request as the outbox and inbox store it ({@code payload_xml}). */
    public static String marshal(Request<?> request) {
        Object element = request.element();
        try {
            Marshaller marshaller = CONTEXT.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            StringWriter xml = new StringWriter();
            marshaller.marshal(element, xml);
            return xml.toString();
        } catch (JAXBException e) {
            throw new IllegalArgumentException("cannot write " + element.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** A stored request of {@code operation}; XML of another operation's request is refused. */
    public static Request<?> unmarshal(Operation operation, String xml) {
        Object element;
        try {
            element = CONTEXT.createUnmarshaller().unmarshal(new StreamSource(new StringReader(xml)));
        } catch (JAXBException e) {
            throw new IllegalArgumentException("cannot read a stored request: " + e.getMessage(), e);
        }
        return Wire.of(operation).read(element);
    }

    /**
     * The request of {@code operation} in a received SOAP envelope. Only for inbox rows kept before the inbox stored
     * what was verified ({@code payload_xml}); new rows are never parsed from their received bytes.
     */
    public static Request<?> fromEnvelope(Operation operation, byte[] envelope) {
        Object element;
        try {
            Element root = DesSchema.secureDocumentBuilderFactory().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(envelope)).getDocumentElement();
            element = CONTEXT.createUnmarshaller().unmarshal(SoapPayload.of(root));
        } catch (JAXBException | SAXException | ParserConfigurationException | java.io.IOException e) {
            throw new IllegalArgumentException("cannot read a received message: " + e.getMessage(), e);
        }
        return Wire.of(operation).read(element);
    }

    /** SHA-256 of the request's canonical XML: equal for equal content. */
    public static String digest(Request<?> request) {
        return digestOf(marshal(request));
    }

    /** SHA-256 of XML written by {@link #marshal}. */
    public static String digestOf(String canonicalXml) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonicalXml.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(org.itlgateway.schemas.v1.registry.ObjectFactory.class,
                    org.itlgateway.schemas.v1.transactionlog.ObjectFactory.class,
                    org.itlgateway.schemas.v1.types.ObjectFactory.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("the contract's bindings do not load: " + e.getMessage(), e);
        }
    }
}
