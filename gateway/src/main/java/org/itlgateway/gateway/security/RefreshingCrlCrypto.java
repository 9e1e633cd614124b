package org.itlgateway.gateway.security;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSSecurityException;

/**
 * WSS4J's keystore-backed crypto, held in memory (no properties files), that reads the current CRLs before
 * each trust decision, so a certificate revoked a moment ago is refused on the next message.
 */
final class RefreshingCrlCrypto extends Merlin {

    private final Supplier<List<X509CRL>> crls;

    RefreshingCrlCrypto(KeyStore keyStore, KeyStore trustStore, Supplier<List<X509CRL>> crls) {
        this.crls = crls;
        setKeyStore(keyStore);
        setTrustStore(trustStore);
        refreshCrls();
    }

    @Override
    public void verifyTrust(X509Certificate[] certificates, boolean enableRevocation,
                            Collection<Pattern> subjectCertConstraints, Collection<Pattern> issuerCertConstraints)
            throws WSSecurityException {
        refreshCrls();
        super.verifyTrust(certificates, enableRevocation, subjectCertConstraints, issuerCertConstraints);
    }

    private synchronized void refreshCrls() {
        try {
            setCRLCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls.get())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the revocation lists: " + e.getMessage(), e);
        }
    }
}
