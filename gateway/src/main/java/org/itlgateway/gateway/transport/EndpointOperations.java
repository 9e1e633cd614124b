package org.itlgateway.gateway.transport;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.UnmarshalException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlSchema;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import org.apache.cxf.interceptor.Fault;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.gateway.inbound.Refusals;
import org.itlgateway.schemas.DesSchema;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The operations of one service, read from its port type: the request element each one takes, validated against
 * the contract's schema and read on the DOM already parsed (no second tree), and the answer each one gives, written
 * into a DOM. One JAXB context per service, built once.
 */
final class EndpointOperations {

    private static final Map<Class<?>, EndpointOperations> BUILT = new java.util.concurrent.ConcurrentHashMap<>();
    private static volatile Schema contract;

    private static final ThreadLocal<Validator> VALIDATORS = ThreadLocal.withInitial(EndpointOperations::newValidator);

    private final JAXBContext context;
    private final Map<QName, Operation> byRequest;
    private final ThreadLocal<Unmarshaller> unmarshallers;

    /** One operation: its name and the port type's method. */
    record Operation(String name, Method method) {
    }

    private EndpointOperations(JAXBContext context, Map<QName, Operation> byRequest) {
        this.context = context;
        this.byRequest = byRequest;
        this.unmarshallers = ThreadLocal.withInitial(() -> {
            try {
                return context.createUnmarshaller();
            } catch (JAXBException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Validator newValidator() {
        Validator validator = contract().newValidator();
        try {
            validator.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (org.xml.sax.SAXNotRecognizedException | org.xml.sax.SAXNotSupportedException e) {
            throw new IllegalStateException("the schema validator cannot be made safe: " + e.getMessage(), e);
        }
        return validator;
    }

    static EndpointOperations of(Class<?> portType) {
        return BUILT.computeIfAbsent(portType, EndpointOperations::read);
    }

    private static EndpointOperations read(Class<?> portType) {
        Map<QName, Operation> operations = new HashMap<>();
        List<Class<?>> classes = new ArrayList<>();
        for (Method method : portType.getMethods()) {
            if (method.getParameterCount() != 1) {
                continue;
            }
            Class<?> request = method.getParameterTypes()[0];
            XmlRootElement root = request.getAnnotation(XmlRootElement.class);
            if (root == null) {
                continue;
            }
            operations.put(new QName(namespaceOf(request), root.name()), new Operation(method.getName(), method));
            classes.add(request);
            classes.add(method.getReturnType());
            for (Class<?> thrown : method.getExceptionTypes()) {
                try {
                    classes.add(thrown.getMethod("getFaultInfo").getReturnType()); // a refusal's detail
                } catch (NoSuchMethodException notAContractFault) {
                    // nothing to read
                }
            }
        }
        try {
            return new EndpointOperations(JAXBContext.newInstance(classes.toArray(Class<?>[]::new)), Map.copyOf(operations));
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot bind the operations of " + portType.getName() + ": " + e.getMessage(), e);
        }
    }

    private static String namespaceOf(Class<?> type) {
        XmlSchema schema = type.getPackage().getAnnotation(XmlSchema.class);
        return schema == null ? "" : schema.namespace();
    }

    /**
     * The operation whose request {@code element} is.
     *
     * @throws org.apache.cxf.binding.soap.SoapFault a refusal (1011) when it is no request of this service
     */
    Operation of(Element element) {
        if (element == null) {
            throw Refusals.fault(ResponseCode.SCHEMA_INVALID, "the message cannot be processed: its Body carries no request");
        }
        Operation operation = byRequest.get(new QName(element.getNamespaceURI() == null ? "" : element.getNamespaceURI(),
                element.getLocalName()));
        if (operation == null) {
            throw Refusals.fault(ResponseCode.SCHEMA_INVALID, "the message cannot be processed: "
                    + abbreviated(element.getLocalName()) + " is no operation of this service");
        }
        return operation;
    }

    /**
     * The request, read from its element once it is validated against the contract: the very DOM the signature was
     * verified on, walked by a validator kept by each thread (a new one per message cost more than the validation),
     * then unmarshalled without a second tree.
     */
    Object read(Element element) {
        Validator validator = VALIDATORS.get();
        try {
            validator.validate(new DOMSource(element));
        } catch (SAXException | IOException | RuntimeException e) {
            VALIDATORS.remove(); // its state after a failure is not to be trusted with the next message
            throw new NotTheContract("Unmarshalling Error: " + e.getMessage(), e);
        }
        try {
            return unmarshallers.get().unmarshal(element);
        } catch (UnmarshalException e) {
            Throwable linked = e.getLinkedException() != null ? e.getLinkedException() : e;
            throw new NotTheContract("Unmarshalling Error: " + linked.getMessage(), linked);
        } catch (JAXBException e) {
            throw new NotTheContract("Unmarshalling Error: " + e.getMessage(), e);
        }
    }

    /**
     * An answer (or a refusal's detail) of this service read from its element as {@code type}, without validation:
     * a client reads what the peer signed, and a detail JAXB cannot read is no answer.
     *
     * @throws IllegalArgumentException when the element does not read as {@code type}
     */
    <T> T readAnswer(Element element, Class<T> type) {
        try {
            return unmarshallers.get().unmarshal(element, type).getValue();
        } catch (JAXBException e) {
            throw new IllegalArgumentException("the answer does not read as " + type.getSimpleName() + ": "
                    + (e.getLinkedException() != null ? e.getLinkedException().getMessage() : e.getMessage()), e);
        }
    }

    /** Runs the operation on the endpoint; what the endpoint throws is thrown as it is. */
    static Object invoke(Operation operation, Object endpoint, Object request) {
        try {
            return operation.method().invoke(endpoint, request);
        } catch (InvocationTargetException e) {
            Throwable thrown = e.getCause();
            if (thrown instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (thrown instanceof Error error) {
                throw error;
            }
            throw new Fault(thrown);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes an answer as the last child of {@code parent} (the Body of the answer's envelope). */
    void write(Object answer, Node parent) {
        try {
            Marshaller marshaller = context.createMarshaller();
            marshaller.marshal(answer, parent);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write the answer: " + e.getMessage(), e);
        }
    }

    private static Schema contract() {
        Schema schema = contract;
        if (schema == null) {
            synchronized (EndpointOperations.class) {
                if (contract == null) {
                    contract = DesSchema.load().schema();
                }
                schema = contract;
            }
        }
        return schema;
    }

    /** A request that does not conform to the contract's schema (refused with 1011). */
    static final class NotTheContract extends RuntimeException {
        NotTheContract(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static String abbreviated(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }
}
