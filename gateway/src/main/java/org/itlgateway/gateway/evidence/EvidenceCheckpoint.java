package org.itlgateway.gateway.evidence;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A signed checkpoint of the archive: the node's statement, signed with its own key, that at {@code signedAt} its
 * chain's record {@code sequence} had the hash {@code recordSha256}. What is signed is this UTF-8 text, each line
 * ending with a line feed:
 *
 * <pre>
 * itl-gateway evidence checkpoint 1
 * node:&lt;node code&gt;
 * sequence:&lt;decimal, no leading zeros&gt;
 * record_sha256:&lt;64 lowercase hex digits&gt;
 * signed_at:&lt;UTC time, yyyy-MM-ddTHH:mm:ss.SSSSSSZ (microseconds)&gt;
 * </pre>
 *
 * @param signer             the certificate of the key that signed
 * @param signatureAlgorithm {@code SHA256withRSA} or {@code SHA256withECDSA}, as the key is
 */
public record EvidenceCheckpoint(long sequence, String recordSha256, String node, Instant signedAt,
                                 X509Certificate signer, String signatureAlgorithm, byte[] signature) {

    /** The signature algorithms a checkpoint may use. */
    public static final Set<String> ALGORITHMS = Set.of("SHA256withRSA", "SHA256withECDSA");

    public EvidenceCheckpoint {
        Objects.requireNonNull(recordSha256, "record hash");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(signedAt, "time");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(signatureAlgorithm, "signature algorithm");
        Objects.requireNonNull(signature, "signature");
    }

    /** The text a checkpoint of these values signs (above). */
    public static String text(String node, long sequence, String recordSha256, Instant signedAt) {
        return "itl-gateway evidence checkpoint 1\n"
                + "node:" + node + "\n"
                + "sequence:" + sequence + "\n"
                + "record_sha256:" + recordSha256 + "\n"
                + "signed_at:" + RecordHash.time(signedAt) + "\n";
    }

    /** The text this checkpoint signs. */
    public String signedText() {
        return text(node, sequence, recordSha256, signedAt);
    }

    /** Whether its signature is its signer's over its text, with an allowed algorithm. */
    public boolean signatureVerifies() {
        if (!ALGORITHMS.contains(signatureAlgorithm)) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(signatureAlgorithm);
            verifier.initVerify(signer.getPublicKey());
            verifier.update(signedText().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
