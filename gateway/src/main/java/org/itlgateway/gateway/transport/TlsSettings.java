package org.itlgateway.gateway.transport;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.configuration.jsse.TLSServerParameters;
import org.apache.cxf.configuration.security.ClientAuthentication;
import org.itlgateway.gateway.pki.Credential;

/**
 * Optional mutual TLS for a node's endpoints and clients: the node presents its TLS credential and accepts
 * only peers whose certificates chain to the trust anchor (clients without a certificate are refused).
 */
public record TlsSettings(Credential credential, X509Certificate trustAnchor) {

    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    public TlsSettings {
        Objects.requireNonNull(credential, "TLS credential");
        Objects.requireNonNull(trustAnchor, "trust anchor");
    }

    /** What the embedded HTTP server needs: our certificate, and client certificates required. */
    public TLSServerParameters serverParameters() {
        TLSServerParameters parameters = new TLSServerParameters();
        parameters.setKeyManagers(keyManagers());
        parameters.setTrustManagers(trustManagers());
        ClientAuthentication clientAuthentication = new ClientAuthentication();
        clientAuthentication.setRequired(true);
        clientAuthentication.setWant(true);
        parameters.setClientAuthentication(clientAuthentication);
        return parameters;
    }

    /** What a client needs: our certificate for the server to check, and the anchor to check the server. */
    public TLSClientParameters clientParameters() {
        TLSClientParameters parameters = new TLSClientParameters();
        parameters.setKeyManagers(keyManagers());
        parameters.setTrustManagers(trustManagers());
        parameters.setDisableCNCheck(false);
        return parameters;
    }

    private KeyManager[] keyManagers() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("tls", credential.privateKey(), IN_MEMORY, credential.chain().toArray(Certificate[]::new));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, IN_MEMORY);
            return factory.getKeyManagers();
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot hold the TLS key: " + e.getMessage(), e);
        }
    }

    private TrustManager[] trustManagers() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("anchor", trustAnchor);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot hold the TLS trust anchor: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TlsSettings[" + credential + "]";
    }
}
