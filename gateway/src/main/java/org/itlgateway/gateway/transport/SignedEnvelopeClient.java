package org.itlgateway.gateway.transport;

import static org.itlgateway.gateway.transport.SoapEnvelopes.bytesOf;
import static org.itlgateway.gateway.transport.SoapEnvelopes.child;
import static org.itlgateway.gateway.transport.SoapEnvelopes.firstElement;
import static org.itlgateway.gateway.transport.SoapEnvelopes.is;
import static org.itlgateway.gateway.transport.SoapEnvelopes.newEnvelope;

import jakarta.xml.ws.WebServiceException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.xml.stream.XMLStreamException;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.itlgateway.gateway.inbound.EnvelopeReading;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.security.EnvelopeSecurity;
import org.itlgateway.gateway.security.SignerIdentity;
import org.itlgateway.gateway.security.VerifiedSignature;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A signed client of one service at one address on the direct path, as the endpoints answer: the request is marshalled
 * into a small DOM, signed by WS-Security's DOM engine with the nodes' settings ({@link EnvelopeSecurity}) and posted
 * by the JDK's HTTP client; the answer is read within the size limit and the read deadline, parsed once within the
 * XML limits (no DTD), verified by the same engine (trusted signer, fresh timestamp, the confirmation of exactly our
 * request's signature value), bound to its signer (the node called, and no other) and its signed Body, and only then
 * read: a receipt as the operation's answer, a refusal fault as the port's refusal exception. No SAAJ tree and no
 * interceptor chain. Whatever fails before the answer is trusted is a {@link WebServiceException} (no answer at
 * all, never a refusal), its cause the reason.
 */
final class SignedEnvelopeClient implements InvocationHandler {

    private static final String TEXT_XML = "text/xml; charset=UTF-8";

    private final EndpointOperations operations;
    private final URI address;
    private final String node;
    private final EnvelopeSecurity security;
    private final Duration timeout;
    private final HttpClient http;
    private final EnvelopeReading reading = new EnvelopeReading(InboundLimits.defaults());

    private SignedEnvelopeClient(Class<?> portType, URI address, String node, EnvelopeSecurity security,
                                 Duration timeout, TlsSettings tls) {
        this.operations = EndpointOperations.of(portType);
        this.address = address;
        this.node = node;
        this.security = security;
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER);
        if (tls != null) {
            builder.sslContext(sslContext(tls));
        }
        this.http = builder.build();
    }

    /** A client of {@code portType} (a generated port interface) at {@code address}, whose answers {@code node} signs. */
    static <T> T of(Class<T> portType, String address, String node, EnvelopeSecurity security, Duration timeout,
                    TlsSettings tls) {
        SignedEnvelopeClient client = new SignedEnvelopeClient(portType, URI.create(address), node, security, timeout, tls);
        return portType.cast(Proxy.newProxyInstance(portType.getClassLoader(), new Class<?>[] {portType, Closeable.class},
                client));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "signed client of " + node + " at " + address;
            };
        }
        if (method.getDeclaringClass() == Closeable.class) {
            return null; // the JDK 17 HTTP client frees its connections when it is no longer referenced
        }
        if (args == null || args.length != 1) {
            throw new UnsupportedOperationException(method.getName() + " is no operation of the contract");
        }
        return call(method, args[0]);
    }

    private Object call(Method method, Object request) throws Exception {
        Document envelope = newEnvelope();
        Element body = child(envelope.getDocumentElement(), "Body");
        operations.write(request, body);
        Element requestElement = firstElement(body);
        EnvelopeSecurity.SignedRequest signed;
        try {
            signed = security.signRequest(envelope);
        } catch (WSSecurityException e) {
            throw new IllegalStateException("the request could not be signed: " + e.getMessage(), e);
        }
        byte[] sent = bytesOf(envelope);
        SentXmlCapture.keep(sent);
        byte[] reply = exchange(sent, requestElement.getNamespaceURI() + "/" + requestElement.getLocalName());
        Document answer;
        try {
            answer = reading.read(reply);
        } catch (XMLStreamException e) {
            throw new WebServiceException("the answer from " + node + " does not read: " + e.getMessage(), e);
        }
        Element answerEnvelope = answer.getDocumentElement();
        if (!is(answerEnvelope, "Envelope")) {
            throw new WebServiceException("the answer from " + node + " is not a SOAP 1.1 envelope");
        }
        Element answerBody = child(answerEnvelope, "Body");
        trust(child(answerEnvelope, "Header"), answerBody, signed);
        Element content = firstElement(answerBody);
        if (is(content, "Fault")) {
            throw refusalOrFailure(method, content);
        }
        if (content == null) {
            throw new WebServiceException("the answer from " + node + " carries nothing in its Body");
        }
        try {
            return operations.readAnswer(content, method.getReturnType());
        } catch (IllegalArgumentException unreadable) {
            throw new WebServiceException("the answer from " + node + " is no " + method.getName() + " answer: "
                    + unreadable.getMessage(), unreadable);
        }
    }

    /** Posts the request and reads the whole answer, a fault's (status 500) included. */
    private byte[] exchange(byte[] sent, String action) {
        HttpRequest request = HttpRequest.newBuilder(address).timeout(timeout)
                .header("Content-Type", TEXT_XML).header("SOAPAction", "\"" + action + "\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(sent)).build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new WebServiceException("could not send the message to " + node + " at " + address, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebServiceException("interrupted while sending to " + node, e);
        }
        byte[] reply;
        try (InputStream in = ReplySizeLimit.bounded(ReplyReadDeadline.timed(response.body(), timeout),
                SoapClients.MAX_REPLY_BYTES)) {
            reply = in.readAllBytes();
        } catch (IOException e) {
            throw new WebServiceException("the answer from " + node + " could not be read whole", e);
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith("text/xml")) {
            throw new WebServiceException("the answer from " + node + " is HTTP " + response.statusCode() + " of type "
                    + (type.isEmpty() ? "none" : type) + ", not a SOAP envelope: " + excerpt(reply));
        }
        return reply;
    }

    /**
     * Trusts the answer or throws: signed by the node called over its Body and Timestamp, and confirming exactly our
     * request's signature value, under its signature.
     */
    private void trust(Element header, Element body, EnvelopeSecurity.SignedRequest signed) {
        WSHandlerResult verified;
        VerifiedSignature signature;
        try {
            verified = security.verifyAnswer(header, signed);
            signature = verified.getResults().isEmpty() || body == null ? null
                    : VerifiedSignature.of(verified.getResults(), body);
        } catch (WSSecurityException | RuntimeException e) {
            throw new WebServiceException(e.getMessage(), e);
        }
        String code = signature == null ? "nobody" : SignerIdentity.nodeCodeOf(signature.signer());
        if (!node.equals(code)) {
            throw new WebServiceException(new SecurityException("the answer from " + node + " is signed by " + code));
        }
        if (!ReplySignerCheck.confirmationsAreSigned(java.util.List.of(verified))) {
            throw new WebServiceException(new SecurityException("the answer from " + node
                    + " does not sign the confirmation of our request's signature"));
        }
    }

    /** A signed fault: the port's refusal exception when its detail is a refusal, else no answer. */
    private Exception refusalOrFailure(Method method, Element fault) {
        String reason = textOf(fault, "faultstring");
        Element detail = firstElement(childNamed(fault, "detail"));
        if (detail != null) {
            for (Class<?> thrown : method.getExceptionTypes()) {
                try {
                    Class<?> info = thrown.getMethod("getFaultInfo").getReturnType();
                    Object refusal = operations.readAnswer(detail, info);
                    return (Exception) thrown.getConstructor(String.class, info).newInstance(reason, refusal);
                } catch (NoSuchMethodException notARefusal) {
                    // not a fault of the contract
                } catch (ReflectiveOperationException e) {
                    return new IllegalStateException("the refusal of " + node + " could not be read", e);
                } catch (RuntimeException unreadable) {
                    return new WebServiceException("the refusal detail from " + node + " does not read: "
                            + unreadable.getMessage(), unreadable);
                }
            }
        }
        return new WebServiceException("the answer from " + node + " is a fault without a refusal: " + reason);
    }

    private static SSLContext sslContext(TlsSettings tls) {
        try {
            var parameters = tls.clientParameters();
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(parameters.getKeyManagers(), parameters.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static String excerpt(byte[] reply) {
        String text = new String(reply, 0, Math.min(reply.length, 200), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "(empty)" : text;
    }

    /** A child without a namespace, as a SOAP 1.1 fault's parts are. */
    private static Element childNamed(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getNamespaceURI() == null && name.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static String textOf(Element parent, String name) {
        Element element = childNamed(parent, name);
        return element == null ? "" : element.getTextContent();
    }
}
