package org.itlgateway.gateway.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

/** The key types a registry may sign with: RSA-2048 or EC P-256, each with SHA-256. */
public enum KeyAlgorithm {
    RSA_2048("RSA", "SHA256withRSA", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"),
    EC_P256("EC", "SHA256withECDSA", "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256");

    private final String keyType;
    private final String certificateSignature;
    private final String xmlSignatureUri;

    KeyAlgorithm(String keyType, String certificateSignature, String xmlSignatureUri) {
        this.keyType = keyType;
        this.certificateSignature = certificateSignature;
        this.xmlSignatureUri = xmlSignatureUri;
    }

    /** The JCA signature algorithm used to sign certificates and CRLs with such a key. */
    public String certificateSignature() {
        return certificateSignature;
    }

    /** The XML Signature algorithm URI used in WS-Security with such a key. */
    public String xmlSignatureUri() {
        return xmlSignatureUri;
    }

    /** The algorithm of an existing key ("RSA" or "EC"). */
    public static KeyAlgorithm of(java.security.Key key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> RSA_2048;
            case "EC", "ECDSA" -> EC_P256;
            default -> throw new IllegalArgumentException("unsupported key algorithm " + key.getAlgorithm());
        };
    }

    public KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(keyType);
            if (this == RSA_2048) {
                generator.initialize(2048, random);
            } else {
                generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + this + " key: " + e.getMessage(), e);
        }
    }
}
