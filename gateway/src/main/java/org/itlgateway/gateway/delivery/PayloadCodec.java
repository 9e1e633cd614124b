package org.itlgateway.gateway.delivery;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.messaging.Service;
import org.itlgateway.schemas.DesSchema;
import org.itlgateway.schemas.SoapPayload;
import org.itlgateway.schemas.v1.types.DesMessageHeader;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The request wrappers of both services as XML and back: how the outbox keeps a message until it is sent, how
 * the inbox reads a received message again, and the digest that tells "same content" from "other content".
 * One JAXB context for the whole contract (creating one is expensive; using it is thread-safe).
 */
public final class PayloadCodec {

    private static final JAXBContext CONTEXT = context();

    private PayloadCodec() {
    }

    /** The request wrapper for an operation (e.g. transactionlog.AcceptProposal) holding header and content. */
    public static Object wrap(Operation operation, DesMessageHeader header, Object content) {
        try {
            Class<?> type = wrapperClass(operation);
            Object wrapper = type.getConstructor().newInstance();
            type.getMethod("setHeader", DesMessageHeader.class).invoke(wrapper, header);
            if (content != null) {
                setter(type, content.getClass()).invoke(wrapper, content);
            }
            return wrapper;
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot build the request of " + operation + ": " + e.getMessage(), e);
        }
    }

    /** The header of a request wrapper. */
    public static DesMessageHeader headerOf(Object wrapper) {
        return (DesMessageHeader) call(wrapper, "getHeader");
    }

    /** The content of a request wrapper (its element after the header), or {@code null} for provideTime. */
    public static Object contentOf(Object wrapper) {
        for (Method getter : wrapper.getClass().getMethods()) {
            if (getter.getName().startsWith("get") && getter.getParameterCount() == 0
                    && getter.getDeclaringClass() == wrapper.getClass() && !getter.getName().equals("getHeader")) {
                return call(wrapper, getter.getName());
            }
        }
        return null;
    }

    public static String marshal(Object wrapper) {
        try {
            Marshaller marshaller = CONTEXT.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            StringWriter xml = new StringWriter();
            marshaller.marshal(wrapper, xml);
            return xml.toString();
        } catch (JAXBException e) {
            throw new IllegalArgumentException("cannot write " + wrapper.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public static Object unmarshal(String xml) {
        try {
            return CONTEXT.createUnmarshaller().unmarshal(new StreamSource(new StringReader(xml)));
        } catch (JAXBException e) {
            throw new IllegalArgumentException("cannot read a stored request: " + e.getMessage(), e);
        }
    }

    /**
     * The request wrapper in a received SOAP envelope. Only for inbox rows kept before the inbox stored what was
     * verified ({@code payload_xml}); new rows are never parsed from their received bytes.
     */
    public static Object fromEnvelope(byte[] envelope) {
        try {
            Element root = DesSchema.secureDocumentBuilderFactory().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(envelope)).getDocumentElement();
            return CONTEXT.createUnmarshaller().unmarshal(SoapPayload.of(root));
        } catch (JAXBException | SAXException | ParserConfigurationException | java.io.IOException e) {
            throw new IllegalArgumentException("cannot read a received message: " + e.getMessage(), e);
        }
    }

    /** SHA-256 of the wrapper's canonical XML: equal for equal content. */
    public static String digest(Object wrapper) {
        return digestOf(marshal(wrapper));
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

    private static Class<?> wrapperClass(Operation operation) throws ClassNotFoundException {
        String pkg = operation.service() == Service.REGISTRY
                ? "org.itlgateway.schemas.v1.registry" : "org.itlgateway.schemas.v1.transactionlog";
        String name = operation.wireName();
        return Class.forName(pkg + "." + name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1));
    }

    private static Method setter(Class<?> type, Class<?> contentType) throws NoSuchMethodException {
        for (Method method : type.getMethods()) {
            if (method.getName().startsWith("set") && !method.getName().equals("setHeader")
                    && method.getParameterCount() == 1 && method.getParameterTypes()[0].isAssignableFrom(contentType)) {
                return method;
            }
        }
        throw new NoSuchMethodException(type.getSimpleName() + " holds no " + contentType.getSimpleName());
    }

    private static Object call(Object target, String getter) {
        try {
            return target.getClass().getMethod(getter).invoke(target);
        } catch (IllegalAccessException | NoSuchMethodException e) {
            throw new IllegalArgumentException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause());
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
