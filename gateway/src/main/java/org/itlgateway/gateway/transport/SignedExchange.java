package org.itlgateway.gateway.transport;

import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One request an endpoint took in on its direct path, once its signature is verified: who signed it and the bytes
 * as received, for the endpoint's operation to read while it runs ({@link #current}), and whatever a step around
 * the endpoint leaves for the answer (the simulator's reply breakage, for example).
 */
public final class SignedExchange {

    private static final ThreadLocal<SignedExchange> CURRENT = new ThreadLocal<>();

    private final X509Certificate signer;
    private final byte[] rawXml;
    private final Map<Class<?>, Object> attachments = new HashMap<>();

    SignedExchange(X509Certificate signer, byte[] rawXml) {
        this.signer = signer;
        this.rawXml = rawXml;
    }

    /** The exchange whose operation runs on this thread, if it came in on an endpoint's direct path. */
    public static Optional<SignedExchange> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The certificate whose key verified the request's signature over its Body and Timestamp. */
    public X509Certificate signer() {
        return signer;
    }

    /** The request as received, byte for byte. */
    public byte[] rawXml() {
        return rawXml;
    }

    /** Leaves {@code value} on the exchange for a step that sees its answer. */
    public <T> void attach(Class<T> type, T value) {
        attachments.put(type, value);
    }

    /** What was left under {@code type}, taken off the exchange. */
    public <T> Optional<T> take(Class<T> type) {
        return Optional.ofNullable(type.cast(attachments.remove(type)));
    }

    void enter() {
        CURRENT.set(this);
    }

    void leave() {
        CURRENT.remove();
    }
}
