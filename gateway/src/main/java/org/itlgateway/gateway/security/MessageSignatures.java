package org.itlgateway.gateway.security;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CollectionCertStoreParameters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.dom.WSConstants;

/**
 * The WS-Security settings of every node, in one place: each message is signed over its Body and Timestamp
 * (SHA-256 digest, RSA-SHA256 or ECDSA-SHA256, X.509 certificate as a BinarySecurityToken), and every message
 * received must carry such a signature by a certificate of the trusted CA that is not revoked, with a fresh
 * timestamp. WSS4J's permissive defaults are closed here: explicit digest, subject constraint, revocation on,
 * signed timestamp required. That the signature covers the very Body and Timestamp processed (no wrapping) is
 * {@link VerifiedSignature}'s check, on the elements themselves.
 */
public final class MessageSignatures {

    /** The interceptor id of the verification step, for the steps that must run after it. */
    public static final String VERIFICATION = SignatureVerification.class.getName();

    private static final String SIGNER_ALIAS = "signer";
    private static final String SIGN_CRYPTO = "itlgateway.signCrypto";
    private static final String VERIFY_CRYPTO = "itlgateway.verifyCrypto";
    private static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    private static final String EXCLUSIVE_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    private static final String SIGNED_PARTS =
            "{}{http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd}Timestamp;"
            + "{}{http://schemas.xmlsoap.org/soap/envelope/}Body";

    private final SigningSettings settings;
    private final RefreshingCrlCrypto crypto;
    private final char[] keyPassword;

    public MessageSignatures(SigningSettings settings) {
        this.settings = settings;
        this.keyPassword = randomPassword();
        this.crypto = new RefreshingCrlCrypto(keyStore(settings, keyPassword), SIGNER_ALIAS,
                settings.credential().privateKey(), trustStore(settings),
                settings.trust().crls());
    }

    /** Signs outgoing messages (requests of a client, replies of an endpoint). */
    public WSS4JOutInterceptor signing() {
        return new WSS4JOutInterceptor(signingProperties(crypto));
    }

    private Map<String, Object> signingProperties(Crypto signCrypto) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ConfigurationConstants.ACTION, ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.SIGNATURE);
        properties.put(ConfigurationConstants.SIGNATURE_USER, SIGNER_ALIAS);
        properties.put(ConfigurationConstants.SIG_PROP_REF_ID, SIGN_CRYPTO);
        properties.put(SIGN_CRYPTO, signCrypto);
        properties.put(ConfigurationConstants.PW_CALLBACK_REF, (CallbackHandler) this::supplyKeyPassword);
        properties.put(ConfigurationConstants.SIG_ALGO, settings.credential().algorithm().xmlSignatureUri());
        properties.put(ConfigurationConstants.SIG_DIGEST_ALGO, SHA256);
        properties.put(ConfigurationConstants.SIG_C14N_ALGO, EXCLUSIVE_C14N);
        properties.put(ConfigurationConstants.SIG_KEY_ID, "DirectReference");
        properties.put(ConfigurationConstants.SIGNATURE_PARTS, SIGNED_PARTS);
        properties.put(ConfigurationConstants.TTL_TIMESTAMP, Long.toString(settings.trust().timestampTtl().toSeconds()));
        properties.put(ConfigurationConstants.MUST_UNDERSTAND, "true");
        // a request keeps its signature value; an answer echoes the request's in wsse11:SignatureConfirmation
        properties.put(ConfigurationConstants.ENABLE_SIGNATURE_CONFIRMATION, "true");
        return properties;
    }

    /**
     * Verifies incoming messages; a message without a valid signature never reaches the endpoint. Only the
     * algorithms and keys of the {@link AlgorithmPolicy} pass.
     */
    public WSS4JInInterceptor verifying() {
        Map<String, Object> properties = verifyingProperties(crypto);
        properties.put(WSS4JInInterceptor.PROCESSOR_MAP, onlyTheTokensWeUse());
        return new SignatureVerification(properties);
    }

    /**
     * The same verification and signing on a plain DOM envelope, for the endpoints' direct path (no SAAJ tree, no
     * interceptor chain): the options above, the algorithm policy and the token allow-list.
     */
    public EnvelopeSecurity envelopes() {
        return new EnvelopeSecurity(verifyingProperties(crypto), signingProperties(crypto), onlyTheTokensWeUse());
    }

    /**
     * WS-Security's own interceptors with these settings and nothing of this project's: WSS4J's plain keystore
     * crypto (the signer's chain and the CRL validated on every message), no algorithm policy, no token allow-list.
     * What a bare endpoint of the stack does, for the gateway benchmark's baseline; no node is assembled with it.
     *
     * @return the verifying interceptor, then the signing one
     */
    public List<org.apache.cxf.phase.PhaseInterceptor<org.apache.cxf.binding.soap.SoapMessage>> plainStackForBenchmark() {
        // the key handed over as held, as for the nodes: the baseline is the stack's work, not a key store's unlocking
        Merlin plain = new HeldKeyCrypto(SIGNER_ALIAS, settings.credential().privateKey());
        plain.setKeyStore(keyStore(settings, keyPassword));
        plain.setTrustStore(trustStore(settings));
        try {
            plain.setCRLCertStore(CertStore.getInstance("Collection",
                    new CollectionCertStoreParameters(settings.trust().crls().get())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the revocation lists: " + e.getMessage(), e);
        }
        return List.of(new WSS4JInInterceptor(verifyingProperties(plain)), new WSS4JOutInterceptor(signingProperties(plain)));
    }

    private Map<String, Object> verifyingProperties(Crypto verifyCrypto) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ConfigurationConstants.ACTION, ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.SIGNATURE);
        properties.put(ConfigurationConstants.SIG_VER_PROP_REF_ID, VERIFY_CRYPTO);
        properties.put(VERIFY_CRYPTO, verifyCrypto);
        properties.put(ConfigurationConstants.ENABLE_REVOCATION, "true");
        properties.put(ConfigurationConstants.SIG_SUBJECT_CERT_CONSTRAINTS, settings.trust().signerSubject());
        properties.put(ConfigurationConstants.SIG_CERT_CONSTRAINTS_SEPARATOR, ";");
        properties.put(ConfigurationConstants.TIMESTAMP_STRICT, "true");
        properties.put(ConfigurationConstants.REQUIRE_TIMESTAMP_EXPIRES, "true");
        properties.put(ConfigurationConstants.TTL_TIMESTAMP, Long.toString(settings.trust().timestampTtl().toSeconds()));
        properties.put(ConfigurationConstants.TTL_FUTURE_TIMESTAMP, Long.toString(settings.trust().futureSkew().toSeconds()));
        properties.put(ConfigurationConstants.IS_BSP_COMPLIANT, "true");
        // an answer must confirm the signature value of the request it answers
        properties.put(ConfigurationConstants.ENABLE_SIGNATURE_CONFIRMATION, "true");
        return properties;
    }

    /** How old a received message's signed Timestamp may be. */
    public java.time.Duration timestampTtl() {
        return settings.trust().timestampTtl();
    }

    /**
     * Every token type WS-Security knows, other than a BinarySecurityToken, a Signature, a Timestamp and a
     * SignatureConfirmation, is refused (1018) instead of processed.
     */
    static Map<javax.xml.namespace.QName, org.apache.wss4j.dom.processor.Processor> onlyTheTokensWeUse() {
        Map<javax.xml.namespace.QName, org.apache.wss4j.dom.processor.Processor> processors = new HashMap<>();
        for (javax.xml.namespace.QName token : java.util.List.of(WSConstants.SAML_TOKEN, WSConstants.SAML2_TOKEN,
                WSConstants.ENCRYPTED_ASSERTION, WSConstants.USERNAME_TOKEN, WSConstants.ENCRYPTED_KEY,
                WSConstants.ENCRYPTED_DATA, WSConstants.REFERENCE_LIST, WSConstants.DERIVED_KEY_TOKEN_05_02,
                WSConstants.DERIVED_KEY_TOKEN_05_12, WSConstants.SECURITY_CONTEXT_TOKEN_05_02,
                WSConstants.SECURITY_CONTEXT_TOKEN_05_12)) {
            processors.put(token, new RefusedSecurityToken());
        }
        return processors;
    }

    private void supplyKeyPassword(Callback[] callbacks) {
        for (Callback callback : callbacks) {
            if (callback instanceof WSPasswordCallback password && SIGNER_ALIAS.equals(password.getIdentifier())) {
                password.setPassword(new String(keyPassword));
            }
        }
    }

    private static KeyStore keyStore(SigningSettings settings, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(SIGNER_ALIAS, settings.credential().privateKey(), password,
                    settings.credential().chain().toArray(Certificate[]::new));
            return store;
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot hold the signing key: " + e.getMessage(), e);
        }
    }

    private static KeyStore trustStore(SigningSettings settings) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("trust-anchor", settings.trust().trustAnchor());
            return store;
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot hold the trust anchor: " + e.getMessage(), e);
        }
    }

    private static char[] randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] password = new char[24];
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        return password;
    }
}
