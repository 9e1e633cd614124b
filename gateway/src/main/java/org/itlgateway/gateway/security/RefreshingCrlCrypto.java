package org.itlgateway.gateway.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertStore;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.wss4j.common.ext.WSSecurityException;

/**
 * WSS4J's keystore-backed crypto, held in memory (no properties files), that reads the current CRLs before
 * each trust decision, so a certificate revoked a moment ago is refused on the next message.
 *
 * <p>A chain it has trusted is not validated again (its path built, each signature and the CRL's signature
 * verified) on every message from the same peer: the decision is remembered while it cannot have changed, that is
 * while the CRLs are the very ones it was taken with, and the time is within every certificate's validity and
 * before the CRLs' next update. Any other CRL (a newly published one, revoking or not), a certificate past its end,
 * or a question about other constraints validates again. Refusals are never remembered.
 */
final class RefreshingCrlCrypto extends HeldKeyCrypto {

    /** How many trusted chains are remembered, the least recently used forgotten first (a node has few peers). */
    private static final int REMEMBERED = 256;

    private final Supplier<List<X509CRL>> crls;
    private final Clock clock;
    private final AtomicLong validations = new AtomicLong();
    private final Map<Question, Decision> trusted = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Question, Decision> eldest) {
            return size() > REMEMBERED;
        }
    };
    private List<X509CRL> loaded;

    /**
     * @param signerAlias the key store's entry of the node's own key
     * @param signingKey  that key, as the node holds it in memory
     */
    RefreshingCrlCrypto(KeyStore keyStore, String signerAlias, PrivateKey signingKey, KeyStore trustStore,
                        Supplier<List<X509CRL>> crls) {
        this(keyStore, signerAlias, signingKey, trustStore, crls, Clock.systemUTC());
    }

    RefreshingCrlCrypto(KeyStore keyStore, String signerAlias, PrivateKey signingKey, KeyStore trustStore,
                        Supplier<List<X509CRL>> crls, Clock clock) {
        super(signerAlias, signingKey);
        this.crls = crls;
        this.clock = clock;
        setKeyStore(keyStore);
        setTrustStore(trustStore);
        refreshCrls();
    }

    @Override
    public void verifyTrust(X509Certificate[] certificates, boolean enableRevocation,
                            Collection<Pattern> subjectCertConstraints, Collection<Pattern> issuerCertConstraints)
            throws WSSecurityException {
        List<X509CRL> current = refreshCrls();
        Question question = Question.of(certificates, enableRevocation, subjectCertConstraints, issuerCertConstraints);
        Instant now = clock.instant();
        synchronized (trusted) {
            Decision decision = question == null ? null : trusted.get(question);
            if (decision != null && decision.stillHolds(current, now)) {
                return;
            }
        }
        validations.incrementAndGet();
        super.verifyTrust(certificates, enableRevocation, subjectCertConstraints, issuerCertConstraints);
        if (question != null) {
            synchronized (trusted) {
                trusted.put(question, Decision.of(certificates, current));
            }
        }
    }

    /** How many times a chain was validated in full (not answered from what was remembered). */
    long validations() {
        return validations.get();
    }

    /** Loads the current CRLs into the store the validation reads, when they are not the ones already loaded. */
    private synchronized List<X509CRL> refreshCrls() {
        List<X509CRL> current = List.copyOf(crls.get());
        if (current.equals(loaded)) {
            return loaded;
        }
        try {
            setCRLCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(current)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the revocation lists: " + e.getMessage(), e);
        }
        loaded = current;
        return current;
    }

    /** A chain, exactly as presented, and what it was asked to satisfy. */
    private record Question(List<ByteBuffer> chain, boolean revocation, List<String> subjects, List<String> issuers) {

        /** The question, or {@code null} when a certificate cannot be encoded (then nothing is remembered). */
        static Question of(X509Certificate[] certificates, boolean revocation, Collection<Pattern> subjects,
                           Collection<Pattern> issuers) {
            if (certificates == null || certificates.length == 0) {
                return null;
            }
            List<ByteBuffer> chain = new ArrayList<>(certificates.length);
            try {
                for (X509Certificate certificate : certificates) {
                    chain.add(ByteBuffer.wrap(certificate.getEncoded()));
                }
            } catch (CertificateEncodingException e) {
                return null;
            }
            return new Question(chain, revocation, patterns(subjects), patterns(issuers));
        }

        private static List<String> patterns(Collection<Pattern> patterns) {
            return patterns == null ? List.of() : patterns.stream().map(Pattern::pattern).toList();
        }
    }

    /** A chain trusted with these CRLs, for as long as every certificate and the CRLs are current. */
    private record Decision(List<X509CRL> crls, Instant from, Instant until) {

        static Decision of(X509Certificate[] certificates, List<X509CRL> crls) {
            Instant from = Instant.MIN;
            Instant until = Instant.MAX;
            for (X509Certificate certificate : certificates) {
                from = later(from, certificate.getNotBefore().toInstant());
                until = earlier(until, certificate.getNotAfter().toInstant());
            }
            for (X509CRL crl : crls) {
                from = later(from, crl.getThisUpdate().toInstant());
                if (crl.getNextUpdate() != null) {
                    until = earlier(until, crl.getNextUpdate().toInstant());
                }
            }
            return new Decision(crls, from, until);
        }

        boolean stillHolds(List<X509CRL> current, Instant now) {
            return crls.equals(current) && !now.isBefore(from) && now.isBefore(until);
        }

        private static Instant later(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }

        private static Instant earlier(Instant a, Instant b) {
            return a.isBefore(b) ? a : b;
        }
    }
}
