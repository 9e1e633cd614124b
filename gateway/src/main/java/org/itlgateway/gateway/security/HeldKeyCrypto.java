package org.itlgateway.gateway.security;

import java.security.PrivateKey;
import java.util.Objects;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSSecurityException;

/**
 * WSS4J's keystore crypto that hands the node's own key over as it is held. WS-Security asks for the key on every
 * message it signs, and a PKCS #12 key store would decrypt its entry each time (a password-based key derivation:
 * about 2.5 ms on these machines, more than the signature); the store only exists because WS-Security reads
 * certificates from one.
 */
public class HeldKeyCrypto extends Merlin {

    private final String signerAlias;
    private final PrivateKey signingKey;

    /**
     * @param signerAlias the key store's entry of the node's own key
     * @param signingKey  that key, as the node holds it in memory
     */
    public HeldKeyCrypto(String signerAlias, PrivateKey signingKey) {
        this.signerAlias = Objects.requireNonNull(signerAlias, "signer alias");
        this.signingKey = Objects.requireNonNull(signingKey, "signing key");
    }

    @Override
    public PrivateKey getPrivateKey(String identifier, String password) throws WSSecurityException {
        return signerAlias.equals(identifier) ? signingKey : super.getPrivateKey(identifier, password);
    }
}
