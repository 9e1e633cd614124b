package org.itlgateway.gateway.transport;

import static org.itlgateway.gateway.transport.SoapEnvelopes.SOAP11;
import static org.itlgateway.gateway.transport.SoapEnvelopes.bytesOf;
import static org.itlgateway.gateway.transport.SoapEnvelopes.child;
import static org.itlgateway.gateway.transport.SoapEnvelopes.firstElement;
import static org.itlgateway.gateway.transport.SoapEnvelopes.is;
import static org.itlgateway.gateway.transport.SoapEnvelopes.newEnvelope;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.MessageObserver;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.gateway.inbound.EnvelopeReading;
import org.itlgateway.gateway.inbound.EnvelopeShape;
import org.itlgateway.gateway.inbound.RefusalFaultDetail;
import org.itlgateway.gateway.inbound.Refusals;
import org.itlgateway.gateway.inbound.ReplayGuard;
import org.itlgateway.gateway.inbound.SoapActionMatch;
import org.itlgateway.gateway.security.EnvelopeSecurity;
import org.itlgateway.gateway.security.VerifiedSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An endpoint's direct path for every POSTed request: the inbound pipeline of {@link SoapEndpoints} on one DOM,
 * without a SAAJ tree or an interceptor chain. The body is read at the minimum data rate and within the size limit,
 * parsed once within the XML limits (no DTD), its security header verified by WS-Security's DOM engine with the nodes'
 * settings, the envelope's shape checked, the signature bound to the very Body and Timestamp processed (one signer
 * beyond doubt), the message admitted by the replay store, the SOAPAction matched, the request read with the
 * contract's schema and handed to the endpoint's operation; its answer is written into a small DOM, signed (with the
 * confirmation of the request's signature) and written out. A refusal is a fault with the contract's refusal detail,
 * signed once the request authenticated and unsigned before. A GET of the WSDL goes to the stack; any other method is
 * answered 405.
 */
final class SignedEnvelopeEndpoint implements MessageObserver {

    private static final Logger LOG = LoggerFactory.getLogger(SignedEnvelopeEndpoint.class);
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String TEXT_XML = "text/xml; charset=UTF-8";

    private final MessageObserver stack;
    private final Object endpoint;
    private final EndpointOperations operations;
    private final EnvelopeSecurity security;
    private final EnvelopeReading reading;
    private final ReplayGuard replays;
    private final SlowSenderCutoff cutoff;
    private final int maxBytes;
    private final List<ExchangeSteps> steps = new CopyOnWriteArrayList<>();

    SignedEnvelopeEndpoint(MessageObserver stack, Class<?> portType, Object endpoint, EnvelopeSecurity security,
                           EnvelopeReading reading, ReplayGuard replays, SlowSenderCutoff cutoff, int maxBytes) {
        this.stack = stack;
        this.endpoint = endpoint;
        this.operations = EndpointOperations.of(portType);
        this.security = security;
        this.reading = reading;
        this.replays = replays;
        this.cutoff = cutoff;
        this.maxBytes = maxBytes;
    }

    void add(ExchangeSteps step) {
        steps.add(step);
    }

    @Override
    public void onMessage(Message message) {
        HttpServletRequest request = (HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST);
        HttpServletResponse response = (HttpServletResponse) message.get(AbstractHTTPDestination.HTTP_RESPONSE);
        if (request == null || response == null || asksForTheContract(request)) {
            stack.onMessage(message);
            return;
        }
        try {
            if (!"POST".equalsIgnoreCase(request.getMethod())) {
                response.setHeader("Allow", "POST");
                response.sendError(405, "a SOAP endpoint takes POSTed envelopes (GET ?wsdl for its contract)");
                return;
            }
            for (ExchangeSteps step : steps) {
                if (!step.arrived(response)) {
                    return;
                }
            }
            Incoming incoming = new Incoming();
            byte[] answer = answer(message.getContent(InputStream.class), request, incoming);
            for (ExchangeSteps step : steps) {
                if (step.answering(incoming.exchange, request, response, answer)) {
                    return;
                }
            }
            response.setStatus(incoming.refused ? 500 : 200);
            response.setContentType(TEXT_XML);
            response.setContentLength(answer.length);
            OutputStream out = response.getOutputStream();
            out.write(answer);
            out.flush();
        } catch (IOException gone) {
            LOG.debug("the caller went before its answer was written: {}", gone.getMessage());
        }
    }

    /** A GET of the WSDL or of a schema it imports, which the stack serves. */
    private static boolean asksForTheContract(HttpServletRequest request) {
        String query = request.getQueryString();
        String lower = query == null ? "" : query.toLowerCase(java.util.Locale.ROOT);
        return "GET".equalsIgnoreCase(request.getMethod()) && (lower.startsWith("wsdl") || lower.startsWith("xsd"));
    }

    /** What is known of a request while it is taken in. */
    private static final class Incoming {
        private String operation = "unknown";
        private WSHandlerResult verified;
        private boolean authenticated;
        private SignedExchange exchange;
        private boolean refused;
    }

    private byte[] answer(InputStream body, HttpServletRequest request, Incoming incoming) {
        try {
            return answered(body, request, incoming);
        } catch (RuntimeException | WSSecurityException | XMLStreamException failure) {
            SoapFault fault = RefusalFaultDetail.describe(failure);
            Refusals.codeOf(fault).ifPresent(code -> steps.forEach(step -> step.refused(incoming.operation, code)));
            incoming.refused = true;
            return fault(fault, incoming);
        }
    }

    private byte[] answered(InputStream body, HttpServletRequest http, Incoming incoming)
            throws WSSecurityException, XMLStreamException {
        byte[] raw = readWhole(body);
        Document document = reading.read(raw);
        Element envelope = document.getDocumentElement();
        if (!is(envelope, "Envelope")) {
            throw Refusals.fault(ResponseCode.SCHEMA_INVALID, "the message cannot be processed: it is not a SOAP 1.1 envelope");
        }
        Element header = child(envelope, "Header");
        Element soapBody = child(envelope, "Body");
        WSHandlerResult verified = security.verify(header);
        EnvelopeShape.check(envelope);
        VerifiedSignature signature = verified.getResults().isEmpty() ? null
                : VerifiedSignature.of(verified.getResults(), soapBody);
        if (signature == null) {
            throw Refusals.fault(ResponseCode.SIGNATURE_MISSING, "the message is not signed");
        }
        replays.admit(signature);
        incoming.verified = verified;
        incoming.authenticated = true;
        requireUnderstood(header);
        Element requestElement = firstElement(soapBody);
        SoapActionMatch.check(SoapActionMatch.unquoted(http.getHeader("SOAPAction")), requestElement);
        EndpointOperations.Operation operation = operations.of(requestElement);
        incoming.operation = operation.name();
        Object request = operations.read(requestElement);
        SignedExchange exchange = new SignedExchange(signature.signer(), raw);
        incoming.exchange = exchange;
        Object result;
        exchange.enter();
        try {
            result = EndpointOperations.invoke(operation, endpoint, request);
        } finally {
            exchange.leave();
        }
        Document answer = newEnvelope();
        operations.write(result, child(answer.getDocumentElement(), "Body"));
        security.sign(answer, verified);
        return bytesOf(answer);
    }

    private byte[] readWhole(InputStream in) {
        if (in == null) {
            throw Refusals.fault(ResponseCode.MESSAGE_TOO_LARGE, "the message could not be read whole");
        }
        InputStream metered = cutoff.meter(in);
        ByteArrayOutputStream copy = new ByteArrayOutputStream(16 * 1024);
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int read = metered.read(buffer); read >= 0; read = metered.read(buffer)) {
                copy.write(buffer, 0, read);
                if (copy.size() > maxBytes) {
                    throw Refusals.fault(ResponseCode.MESSAGE_TOO_LARGE, "the message is larger than " + maxBytes + " bytes");
                }
            }
        } catch (IOException e) {
            throw Refusals.fault(ResponseCode.MESSAGE_TOO_LARGE, "the message could not be read whole");
        }
        return copy.toByteArray();
    }

    /** A header block other than the security header that the sender says must be understood is not. */
    private static void requireUnderstood(Element header) {
        if (header == null) {
            return;
        }
        for (Node node = header.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element block && !(WSSE.equals(block.getNamespaceURI()) && "Security".equals(block.getLocalName()))) {
                String must = block.getAttributeNS(SOAP11, "mustUnderstand").strip();
                if ("1".equals(must) || "true".equals(must)) {
                    throw Refusals.fault(ResponseCode.SCHEMA_INVALID, "the message cannot be processed: the header "
                            + block.getLocalName() + " must be understood and is not");
                }
            }
        }
    }

    private byte[] fault(SoapFault fault, Incoming incoming) {
        try {
            Document document = newEnvelope();
            Element soapFault = document.createElementNS(SOAP11, "soap:Fault");
            Element code = document.createElementNS(null, "faultcode");
            code.setTextContent("soap:" + fault.getFaultCode().getLocalPart());
            Element reason = document.createElementNS(null, "faultstring");
            reason.setTextContent(fault.getMessage());
            soapFault.appendChild(code);
            soapFault.appendChild(reason);
            if (fault.getDetail() != null) {
                Element detail = document.createElementNS(null, "detail");
                for (Node node = fault.getDetail().getFirstChild(); node != null; node = node.getNextSibling()) {
                    Node imported = document.importNode(node, true);
                    if (imported instanceof Element element && element.getPrefix() != null) {
                        // declared in the DOM itself, so the signature's canonical form and the bytes written agree
                        element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + element.getPrefix(),
                                element.getNamespaceURI());
                    }
                    detail.appendChild(imported);
                }
                soapFault.appendChild(detail);
            }
            child(document.getDocumentElement(), "Body").appendChild(soapFault);
            if (incoming.authenticated) {
                security.sign(document, incoming.verified);
            }
            return bytesOf(document);
        } catch (WSSecurityException | RuntimeException e) {
            LOG.error("a refusal could not be signed, it goes out unsigned: {}", e.getMessage());
            return unsignedServerFault();
        }
    }

    private static byte[] unsignedServerFault() {
        return ("<soap:Envelope xmlns:soap=\"" + SOAP11 + "\"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode>"
                + "<faultstring>the answer could not be signed</faultstring></soap:Fault></soap:Body></soap:Envelope>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
