package org.itlgateway.gateway.wire;

import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.messaging.Service;
import org.itlgateway.schemas.v1.registry.RegistryPortType;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
import org.itlgateway.schemas.v1.types.DesMessageHeader;
import org.itlgateway.schemas.v1.types.DesReceipt;

/**
 * One operation of the contract as the generated code has it: its request element (the wrapper {@code W}, e.g.
 * transactionlog.AcceptProposal, which starts with the DES header fields), its content ({@code C}, e.g. DesProposal;
 * {@link Void} for provideTime), how the element is made from a header and content and read back, and the method of
 * the generated client that sends it.
 * Each is a lambda the compiler checks against the generated classes, so nothing on the wire is found by name at
 * run time. The 21 of them are in {@link Wire}.
 *
 * @param <W> the generated request element, which extends the DES header (from, to, majorVersion, minorVersion)
 * @param <C> the request's content
 */
public final class WireOperation<W extends DesMessageHeader, C> {

    /** An operation of RegistryService as its generated client calls it. */
    @FunctionalInterface
    public interface RegistryMethod<W> {
        DesReceipt send(RegistryPortType port, W element) throws org.itlgateway.schemas.v1.registry.RefusalFault;
    }

    /** An operation of TransactionLogService as its generated client calls it. */
    @FunctionalInterface
    public interface TransactionLogMethod<W> {
        DesReceipt send(TransactionLogPortType port, W element)
                throws org.itlgateway.schemas.v1.transactionlog.RefusalFault;
    }

    /** The call through a peer's clients, whichever service the operation is of. */
    @FunctionalInterface
    private interface Sending<W> {
        DesReceipt send(PeerPorts ports, W element)
                throws org.itlgateway.schemas.v1.registry.RefusalFault,
                org.itlgateway.schemas.v1.transactionlog.RefusalFault;
    }

    private final Operation operation;
    /** The class of what {@code newElement} makes: an element read from XML must be one to be this operation's. */
    private final Class<?> elementType;
    private final Supplier<W> newElement;
    private final Class<C> contentType;
    private final Function<W, C> content;
    private final BiConsumer<W, C> setContent;
    private final Sending<W> sending;

    private WireOperation(Operation operation, Service service, Supplier<W> newElement, Class<C> contentType,
                          Function<W, C> content, BiConsumer<W, C> setContent, Sending<W> sending) {
        if (operation.service() != service) {
            throw new IllegalArgumentException(operation + " is not an operation of " + service);
        }
        this.operation = operation;
        this.elementType = newElement.get().getClass();
        this.newElement = newElement;
        this.contentType = contentType;
        this.content = content;
        this.setContent = setContent;
        this.sending = sending;
    }

    /** An operation of RegistryService carrying a content. */
    static <W extends DesMessageHeader, C> WireOperation<W, C> registry(Operation operation, Supplier<W> newElement,
                                                                        Class<C> contentType, Function<W, C> content,
                                                                        BiConsumer<W, C> setContent,
                                                                        RegistryMethod<W> method) {
        return new WireOperation<>(operation, Service.REGISTRY, newElement, contentType, content, setContent,
                (ports, element) -> method.send(ports.registry(), element));
    }

    /** An operation of TransactionLogService carrying a content. */
    static <W extends DesMessageHeader, C> WireOperation<W, C> transactionLog(Operation operation,
                                                                              Supplier<W> newElement,
                                                                              Class<C> contentType,
                                                                              Function<W, C> content,
                                                                              BiConsumer<W, C> setContent,
                                                                              TransactionLogMethod<W> method) {
        return new WireOperation<>(operation, Service.TRANSACTION_LOG, newElement, contentType, content, setContent,
                (ports, element) -> method.send(ports.transactionLog(), element));
    }

    /** An operation of RegistryService whose request is its header alone (provideTime). */
    static <W extends DesMessageHeader> WireOperation<W, Void> registryHeaderOnly(Operation operation,
                                                                                  Supplier<W> newElement,
                                                                                  RegistryMethod<W> method) {
        return registry(operation, newElement, Void.class, element -> null, (element, none) -> { }, method);
    }

    public Operation operation() {
        return operation;
    }

    /** The content's type ({@link Void} when the request is its header alone). */
    public Class<C> contentType() {
        return contentType;
    }

    /** A request of this operation. */
    public Request<C> request(Envelope envelope, C content) {
        return new Request<>(this, envelope, content);
    }

    /** The request element (as JAXB writes it) holding the header and content. */
    public W element(Envelope envelope, C content) {
        W element = newElement.get();
        EnvelopeMapping.write(envelope, element);
        if (content != null) {
            setContent.accept(element, content);
        }
        return element;
    }

    /**
     * The request an element read from XML holds; an element of another operation is refused, so a stored row whose
     * XML is not of its operation fails here, by name, and not later with a cast.
     */
    public Request<C> read(Object element) {
        if (!elementType.isInstance(element)) {
            throw new IllegalArgumentException("the request of " + operation + " is a " + elementType.getSimpleName()
                    + ", not " + (element == null ? "nothing" : "a " + element.getClass().getSimpleName()));
        }
        @SuppressWarnings("unchecked") // checked just above: W is the class of what newElement makes
        W typed = (W) element;
        return request(EnvelopeMapping.fromWire(typed), content.apply(typed));
    }

    DesReceipt send(PeerPorts ports, Envelope envelope, C content)
            throws org.itlgateway.schemas.v1.registry.RefusalFault, org.itlgateway.schemas.v1.transactionlog.RefusalFault {
        return sending.send(ports, element(envelope, content));
    }

    @Override
    public String toString() {
        return operation.toString();
    }
}
