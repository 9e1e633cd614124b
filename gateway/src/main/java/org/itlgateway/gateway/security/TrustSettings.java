package org.itlgateway.gateway.security;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a node trusts when it verifies a signature.
 *
 * @param trustAnchor     the CA every signer certificate must chain to
 * @param crls            the CA's current revocation lists (asked for on every verification, so a newly
 *                        published CRL takes effect at once)
 * @param timestampTtl    how old a message's signed timestamp may be
 * @param futureSkew      how far in the future a timestamp may be (clock differences)
 * @param signerSubject   a regular expression the signer certificate's subject must match (WS-Security accepts
 *                        any certificate of the CA otherwise); which registry it names is checked afterwards
 */
public record TrustSettings(X509Certificate trustAnchor, Supplier<List<X509CRL>> crls, Duration timestampTtl,
                            Duration futureSkew, String signerSubject) {

    /** The subjects this project's CA gives node certificates: {@code CN=<node code>,OU=Registry,O=...}. */
    public static final String NODE_SUBJECT = "CN=[A-Z]{2,4},OU=Registry,.*";

    public TrustSettings {
        Objects.requireNonNull(trustAnchor, "trust anchor");
        Objects.requireNonNull(crls, "CRL source");
        Objects.requireNonNull(timestampTtl, "timestamp time to live");
        Objects.requireNonNull(futureSkew, "future skew");
        Objects.requireNonNull(signerSubject, "signer subject pattern");
    }

    /** How old a message's signed timestamp may be by default: short, so a captured message is not good for long. */
    public static final Duration DEFAULT_TIMESTAMP_LIFE = Duration.ofSeconds(300);
    /** How far ahead of this node's clock a sender's clock may be by default. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

    /** Five minutes of timestamp life and one minute of clock skew: short, so a captured message is not good for long. */
    public static TrustSettings of(X509Certificate trustAnchor, Supplier<List<X509CRL>> crls) {
        return of(trustAnchor, crls, DEFAULT_TIMESTAMP_LIFE, DEFAULT_CLOCK_SKEW);
    }

    /** This timestamp life and clock skew, both positive. */
    public static TrustSettings of(X509Certificate trustAnchor, Supplier<List<X509CRL>> crls, Duration timestampLife,
                                   Duration clockSkew) {
        if (timestampLife.isNegative() || timestampLife.isZero() || clockSkew.isNegative() || clockSkew.isZero()) {
            throw new IllegalArgumentException("a timestamp's life and the clock skew are positive, not " + timestampLife
                    + " and " + clockSkew);
        }
        return new TrustSettings(trustAnchor, crls, timestampLife, clockSkew, NODE_SUBJECT);
    }
}
