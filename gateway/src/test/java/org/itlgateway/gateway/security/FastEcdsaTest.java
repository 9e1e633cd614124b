package org.itlgateway.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FastEcdsaTest {

    private static final byte[] MESSAGE = "<Body>acceptProposal</Body>".getBytes(StandardCharsets.UTF_8);

    private static KeyPair keys;

    @BeforeAll
    static void preferBouncyCastlesEcdsa() throws Exception {
        FastEcdsa.prefer();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        keys = generator.generateKeyPair();
    }

    @Test
    void theXmlSignaturesEncodingOfEcdsaComesFromTheFastImplementation() throws Exception {
        assertEquals(FastEcdsa.PROVIDER, Signature.getInstance(FastEcdsa.P1363).getProvider().getName());
        assertEquals(FastEcdsa.PROVIDER, Signature.getInstance("SHA256withECDSA").getProvider().getName());
    }

    @Test
    void aSignatureInP1363FormIsRAndSOfThirtyTwoBytesEachAndTheJdkVerifiesIt() throws Exception {
        Signature fast = Signature.getInstance(FastEcdsa.P1363);
        fast.initSign(keys.getPrivate());
        fast.update(MESSAGE);
        byte[] signature = fast.sign();

        assertEquals(64, signature.length);
        Signature jdk = Signature.getInstance(FastEcdsa.P1363, "SunEC");
        jdk.initVerify(keys.getPublic());
        jdk.update(MESSAGE);
        assertTrue(jdk.verify(signature));
    }

    @Test
    void aSignatureTheJdkMadeInP1363FormVerifiesWithTheFastImplementation() throws Exception {
        Signature jdk = Signature.getInstance(FastEcdsa.P1363, "SunEC");
        jdk.initSign(keys.getPrivate());
        jdk.update(MESSAGE);
        byte[] signature = jdk.sign();

        Signature fast = Signature.getInstance(FastEcdsa.P1363);
        fast.initVerify(keys.getPublic());
        fast.update(MESSAGE);
        assertTrue(fast.verify(signature));
        fast.initVerify(keys.getPublic());
        fast.update("<Body>changed</Body>".getBytes(StandardCharsets.UTF_8));
        assertFalse(fast.verify(signature));
    }
}
