package org.itlgateway.gateway.transport;

import java.util.Map;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.itlgateway.gateway.inbound.EnvelopeReading;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.inbound.ReplayGuard;
import org.itlgateway.gateway.security.MessageSignatures;
import org.itlgateway.gateway.security.SeenMessages;
import org.itlgateway.schemas.DesContract;
import org.itlgateway.schemas.v1.registry.RegistryPortType;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;

/**
 * Publishes the endpoints of a node on the embedded HTTP server with the inbound pipeline in front of them, on one
 * DOM without a SAAJ tree or an interceptor chain ({@link SignedEnvelopeEndpoint}): slow-sender cutoff and size limit
 * → XML limits (no DTD) → signature and timestamp verification (allow-listed algorithms, only the token types we
 * use) → one signer beyond doubt, whose signature covers the very Body and Timestamp that are processed (compared as
 * elements, no XPath), not seen before ({@code seen}: the replay store shared by the node's instances) → SOAPAction
 * → the request read with the contract's schema → the endpoint (sender authorisation, then the node's receiver).
 * Replies, and refusals of requests that authenticated, are signed; the refusal of a request that never
 * authenticated is not (no signing work for anonymous senders). CXF's stack only serves the WSDL.
 */
public final class SoapEndpoints {

    /**
     * The data rate a sender must keep up, once the slow-sender grace ({@link InboundLimits#slowSenderGrace}) has
     * passed, while its body is read.
     */
    static final long MIN_BYTES_PER_SECOND = 2048;

    private SoapEndpoints() {
    }

    /**
     * Stops the HTTP server listening at the address's port, once every endpoint published there is destroyed.
     * CXF keeps a port's server (its threads and the bound socket) until told, even when no endpoint is left, so a
     * node or network that stops must say so for the port to be free again and its threads to end.
     */
    public static void release(String address) {
        org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory.destroyForPort(java.net.URI.create(address).getPort());
    }

    public static Server publishRegistry(String address, RegistryEndpoint endpoint, MessageSignatures signatures,
                                         InboundLimits limits, SeenMessages seen) {
        return publish(address, RegistryPortType.class, DesContract.REGISTRY_WSDL, endpoint, signatures, limits, seen, null);
    }

    private static final javax.xml.namespace.QName REGISTRY_SERVICE =
            new javax.xml.namespace.QName(DesContract.REGISTRY_NAMESPACE, "RegistryService");
    private static final javax.xml.namespace.QName REGISTRY_PORT =
            new javax.xml.namespace.QName(DesContract.REGISTRY_NAMESPACE, "RegistryPort");
    private static final javax.xml.namespace.QName LOG_SERVICE =
            new javax.xml.namespace.QName(DesContract.TRANSACTION_LOG_NAMESPACE, "TransactionLogService");
    private static final javax.xml.namespace.QName LOG_PORT =
            new javax.xml.namespace.QName(DesContract.TRANSACTION_LOG_NAMESPACE, "TransactionLogPort");

    public static Server publishTransactionLog(String address, TransactionLogEndpoint endpoint,
                                               MessageSignatures signatures, InboundLimits limits, SeenMessages seen) {
        return publish(address, TransactionLogPortType.class, DesContract.TRANSACTION_LOG_WSDL, endpoint, signatures, limits,
                seen, null);
    }

    /** Publishes on an https address with mutual TLS; the port's TLS settings apply to all its endpoints. */
    public static Server publishRegistry(String address, RegistryEndpoint endpoint, MessageSignatures signatures,
                                         InboundLimits limits, SeenMessages seen, TlsSettings tls) {
        return publish(address, RegistryPortType.class, DesContract.REGISTRY_WSDL, endpoint, signatures, limits, seen, tls);
    }

    /** Publishes on an https address with mutual TLS; the port's TLS settings apply to all its endpoints. */
    public static Server publishTransactionLog(String address, TransactionLogEndpoint endpoint,
                                               MessageSignatures signatures, InboundLimits limits, SeenMessages seen,
                                               TlsSettings tls) {
        return publish(address, TransactionLogPortType.class, DesContract.TRANSACTION_LOG_WSDL, endpoint, signatures, limits,
                seen, tls);
    }

    /**
     * The transaction log's endpoint on the bare stack: CXF with WS-Security's own interceptors configured as the nodes
     * sign and verify ({@link MessageSignatures#plainStackForBenchmark}), and none of this project's inbound steps
     * (no size or XML limits, no signer, replay or envelope checks, no schema validation). The gateway benchmark's
     * baseline; no node publishes it.
     */
    public static Server publishBareTransactionLogForBenchmark(String address, TransactionLogEndpoint endpoint,
                                                               MessageSignatures signatures) {
        return publishBareTransactionLogForBenchmark(address, endpoint, signatures, false);
    }

    /**
     * The same bare stack; with {@code keepReceivedBytes}, each request's bytes are read into memory as they arrive
     * and handed to the receiver with the verified request, as the direct path hands them ({@link ReceivedBytes}),
     * so a receiver that archives them (the inbox) can run behind the stack too: the benchmark's "stack with the
     * same durable inbox" baseline.
     */
    public static Server publishBareTransactionLogForBenchmark(String address, TransactionLogEndpoint endpoint,
                                                               MessageSignatures signatures, boolean keepReceivedBytes) {
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setServiceClass(TransactionLogPortType.class);
        factory.setServiceBean(endpoint);
        factory.setAddress(address);
        factory.setWsdlLocation("classpath:" + DesContract.TRANSACTION_LOG_WSDL);
        factory.setServiceName(LOG_SERVICE);
        factory.setEndpointName(LOG_PORT);
        var stack = signatures.plainStackForBenchmark();
        if (keepReceivedBytes) {
            factory.getInInterceptors().add(new ReceivedBytes());
        }
        factory.getInInterceptors().add(stack.get(0));
        factory.getOutInterceptors().add(stack.get(1));
        return factory.create();
    }

    private static Server publish(String address, Class<?> port, String wsdl, Object endpoint,
                                  MessageSignatures signatures, InboundLimits limits, SeenMessages seen,
                                  TlsSettings tls) {
        if (tls != null) {
            useTls(address, tls);
        }
        closeIdleConnections(address, limits.idleTimeout());
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setServiceClass(port);
        factory.setServiceBean(endpoint);
        factory.setAddress(address);
        factory.setWsdlLocation("classpath:" + wsdl);
        // the service model comes from the WSDL's binding, so the WSDL served names each operation's SOAPAction
        boolean registry = port == RegistryPortType.class;
        factory.setServiceName(registry ? REGISTRY_SERVICE : LOG_SERVICE);
        factory.setEndpointName(registry ? REGISTRY_PORT : LOG_PORT);
        factory.setProperties(Map.of("faultStackTraceEnabled", "false", "exceptionMessageCauseEnabled", "false"));
        Server server = factory.create();
        // every request takes the direct path; the stack above only serves the WSDL
        server.getDestination().setMessageObserver(new SignedEnvelopeEndpoint(server.getDestination().getMessageObserver(),
                port, endpoint, signatures.envelopes(), new EnvelopeReading(limits),
                new ReplayGuard(seen, signatures.timestampTtl()),
                new SlowSenderCutoff(MIN_BYTES_PER_SECOND, limits.slowSenderGrace(), System::nanoTime), limits.maxBytes()));
        return server;
    }

    /**
     * Adds steps around every exchange of an endpoint published here (the simulator's faults, the node's refusal
     * count).
     *
     * @throws IllegalArgumentException when the server is no endpoint published by this class
     */
    public static void addSteps(Server server, ExchangeSteps steps) {
        if (!(server.getDestination().getMessageObserver() instanceof SignedEnvelopeEndpoint direct)) {
            throw new IllegalArgumentException("not an endpoint published with the nodes' inbound pipeline");
        }
        direct.add(steps);
    }

    /**
     * Gives the port's HTTP server, before its connector exists, an idle timeout: a connection that sends
     * nothing for that long is closed, and a read blocked on it fails, freeing its thread. The first endpoint
     * published on a port sets it for the port.
     */
    private static void closeIdleConnections(String address, java.time.Duration idleTimeout) {
        java.net.URI uri = java.net.URI.create(address);
        try {
            var engines = new org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory();
            var engine = engines.retrieveJettyHTTPServerEngine(uri.getPort());
            if (engine == null) {
                engine = engines.createJettyHTTPServerEngine(uri.getHost(), uri.getPort(), uri.getScheme());
            }
            if (engine.getConnector() == null) {
                engine.setMaxIdleTime((int) Math.min(Integer.MAX_VALUE, idleTimeout.toMillis()));
            }
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot set up the HTTP server of " + address + ": " + e.getMessage(), e);
        }
    }

    private static void useTls(String address, TlsSettings tls) {
        java.net.URI uri = java.net.URI.create(address);
        if (!"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("mutual TLS needs an https address, not " + address);
        }
        try {
            var engines = new org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory();
            var running = engines.retrieveJettyHTTPServerEngine(uri.getPort());
            if (running != null && running.getTlsServerParameters() != null) {
                return; // several endpoints on one port share its TLS, set up by the first one published there
            }
            engines.setTLSServerParametersForPort(uri.getHost(), uri.getPort(), tls.serverParameters());
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot set up TLS on " + address + ": " + e.getMessage(), e);
        }
    }
}
