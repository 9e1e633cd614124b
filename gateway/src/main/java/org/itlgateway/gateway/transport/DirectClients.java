package org.itlgateway.gateway.transport;

import java.time.Duration;
import org.itlgateway.gateway.security.MessageSignatures;
import org.itlgateway.schemas.v1.registry.RegistryPortType;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;

/**
 * The signed clients the nodes send through: the same contract and the same rules as {@link SoapClients} (every
 * request signed; every answer, receipt or refusal fault, signed by the node called, trusted by the anchor,
 * confirming our request's signature value, at most {@link SoapClients#MAX_REPLY_BYTES} long and whole within the
 * timeout after its headers, or the call fails with no answer), on the direct path ({@link SignedEnvelopeClient}):
 * no SAAJ tree and no interceptor chain. {@link SoapClients} stays for tools and tests that configure a client
 * through the stack.
 */
public final class DirectClients {

    private DirectClients() {
    }

    /** A client of a TransactionLogService at {@code address}, over mutual TLS when {@code tls} is given. */
    public static TransactionLogPortType transactionLog(String address, String node, MessageSignatures signatures,
                                                        Duration timeout, TlsSettings tls) {
        return SignedEnvelopeClient.of(TransactionLogPortType.class, address, node, signatures.envelopes(), timeout, tls);
    }

    /** A client of a registry's RegistryService at {@code address}, over mutual TLS when {@code tls} is given. */
    public static RegistryPortType registry(String address, String node, MessageSignatures signatures, Duration timeout,
                                            TlsSettings tls) {
        return SignedEnvelopeClient.of(RegistryPortType.class, address, node, signatures.envelopes(), timeout, tls);
    }
}
