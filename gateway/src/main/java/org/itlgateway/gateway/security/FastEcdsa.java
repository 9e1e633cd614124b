package org.itlgateway.gateway.security;

import java.security.Provider;
import java.security.Security;

/**
 * Makes ECDSA with SHA-256 come from Bouncy Castle's implementation, chosen deliberately: the XML signature
 * library takes the first provider that offers an algorithm, and JDK 17's own ECDSA is several times slower
 * (on P-256, about 0.9 ms to sign and 1.8 ms to verify, against 0.14 ms and 0.33 ms; BENCHMARKS.md has the
 * figures end to end). Only this one algorithm is put first, in both of its encodings: DER, which certificate and
 * CRL checks use, and the fixed-length {@code r || s} of IEEE P1363, which XML signatures carry and which the XML
 * signature library asks for by name ({@code SHA256withECDSAinP1363Format}) before falling back to DER. Without the
 * second, every XML signature made or verified with an EC key ran on the JDK's own ECDSA. Everything else (RSA,
 * key stores, TLS's other needs) keeps the JDK's providers.
 */
public final class FastEcdsa {

    public static final String PROVIDER = "ITLGateway-ECDSA";

    /** The name the XML signature library asks for first: ECDSA with SHA-256, the signature as {@code r || s}. */
    static final String P1363 = "SHA256withECDSAinP1363Format";

    private FastEcdsa() {
    }

    /** Puts the preferred ECDSA first, once per JVM. */
    public static synchronized void prefer() {
        if (Security.getProvider(PROVIDER) != null) {
            return;
        }
        Security.insertProviderAt(new EcdsaProvider(), 1);
    }

    private static final class EcdsaProvider extends Provider {
        EcdsaProvider() {
            super(PROVIDER, "1.0", "SHA256withECDSA from Bouncy Castle, preferred for XML signatures");
            put("Signature.SHA256withECDSA", "org.bouncycastle.jcajce.provider.asymmetric.ec.SignatureSpi$ecDSA256");
            put("Alg.Alias.Signature.1.2.840.10045.4.3.2", "SHA256withECDSA");
            put("Alg.Alias.Signature.OID.1.2.840.10045.4.3.2", "SHA256withECDSA");
            // Bouncy Castle's "plain" ECDSA: r and s each as an unsigned integer of the curve order's length
            put("Signature." + P1363, "org.bouncycastle.jcajce.provider.asymmetric.ec.SignatureSpi$ecCVCDSA256");
        }
    }
}
