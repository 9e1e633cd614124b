package org.itlgateway.gateway.transport;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.itlgateway.gateway.security.MessageSignatures;
import org.itlgateway.schemas.DesContract;
import org.itlgateway.schemas.v1.registry.RegistryPortType;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;

/**
 * Signed clients of both services: every request is signed; every answer (receipt or refusal fault) must be
 * signed by the node called, verify against the trust anchor, confirm our request's signature value, be at most
 * {@link #MAX_REPLY_BYTES} long and arrive within the timeout (its headers, then its body), or the call fails with
 * no answer (never a refusal). These are the stack's clients (CXF, SAAJ, WS-Security's interceptors), for tools and
 * tests that configure a client through CXF; the nodes send through {@link DirectClients}, the same rules on the
 * direct path.
 */
public final class SoapClients {

    /** The largest reply a client reads: receipts are small; anything larger is no receipt. */
    public static final int MAX_REPLY_BYTES = 1024 * 1024;

    private SoapClients() {
    }

    /** A client of a TransactionLogService (the ITL's, or the CITL's) at {@code address}. */
    public static TransactionLogPortType transactionLog(String address, String node, MessageSignatures signatures,
                                                        Duration timeout) {
        return create(TransactionLogPortType.class, DesContract.TRANSACTION_LOG_WSDL, address, node, signatures, timeout, null);
    }

    /** A client of a registry's RegistryService at {@code address}. */
    public static RegistryPortType registry(String address, String node, MessageSignatures signatures, Duration timeout) {
        return create(RegistryPortType.class, DesContract.REGISTRY_WSDL, address, node, signatures, timeout, null);
    }

    /** The same clients over mutual TLS ({@code tls} may be null for plain HTTP). */
    public static TransactionLogPortType transactionLog(String address, String node, MessageSignatures signatures,
                                                        Duration timeout, TlsSettings tls) {
        return create(TransactionLogPortType.class, DesContract.TRANSACTION_LOG_WSDL, address, node, signatures, timeout, tls);
    }

    public static RegistryPortType registry(String address, String node, MessageSignatures signatures, Duration timeout,
                                            TlsSettings tls) {
        return create(RegistryPortType.class, DesContract.REGISTRY_WSDL, address, node, signatures, timeout, tls);
    }

    private static <T> T create(Class<T> port, String wsdl, String address, String node, MessageSignatures signatures,
                                Duration timeout, TlsSettings tls) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(port);
        factory.setAddress(address);
        factory.setWsdlLocation("classpath:" + wsdl);
        Map<String, Object> properties = new HashMap<>();
        properties.put("schema-validation-enabled", "false");
        factory.setProperties(properties);
        factory.getOutInterceptors().add(signatures.signing());
        factory.getOutInterceptors().add(new SentXmlCapture());
        factory.getInInterceptors().add(new ReplySizeLimit(MAX_REPLY_BYTES));
        factory.getInInterceptors().add(new ReplyReadDeadline(timeout));
        factory.getInInterceptors().add(signatures.verifying());
        factory.getInInterceptors().add(new ReplySignerCheck(node));
        T proxy = factory.create(port);
        Client client = ClientProxy.getClient(proxy);
        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(timeout.toMillis());
        policy.setReceiveTimeout(timeout.toMillis());
        policy.setAllowChunking(false);
        conduit.setClient(policy);
        if (tls != null) {
            conduit.setTlsClientParameters(tls.clientParameters());
        }
        return proxy;
    }
}
