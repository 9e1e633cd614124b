package org.itlgateway.gateway.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A private key with its certificate and the chain up to (and including) the trust anchor.
 * {@link #toString()} never shows the key.
 */
public record Credential(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {

    public Credential {
        Objects.requireNonNull(privateKey, "private key");
        Objects.requireNonNull(certificate, "certificate");
        chain = List.copyOf(chain);
    }

    public KeyAlgorithm algorithm() {
        return KeyAlgorithm.of(privateKey);
    }

    /** The subject of the certificate, e.g. {@code CN=CDM,OU=Registry,O=ITL Gateway}. */
    public String subject() {
        return certificate.getSubjectX500Principal().getName();
    }

    @Override
    public String toString() {
        return "Credential[" + subject() + ", " + algorithm() + ", key hidden]";
    }
}
