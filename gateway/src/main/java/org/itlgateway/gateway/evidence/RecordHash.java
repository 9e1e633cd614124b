package org.itlgateway.gateway.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The archive's hashes. A record's content hash is the SHA-256 of its content bytes; its record hash the SHA-256 of
 * this UTF-8 text, one field a line, each line ending with a line feed (LF):
 *
 * <pre>
 * itl-gateway evidence record 1
 * sequence:&lt;decimal, no leading zeros&gt;
 * kind:&lt;MESSAGE_RECEIVED | MESSAGE_SENT | STATUS_CHANGE&gt;
 * recorded_at:&lt;UTC time, yyyy-MM-ddTHH:mm:ss.SSSSSSZ (microseconds)&gt;
 * operation:&lt;field&gt;
 * subject:&lt;field&gt;
 * peer:&lt;field&gt;
 * content_sha256:&lt;64 lowercase hex digits&gt;
 * previous_sha256:&lt;64 lowercase hex digits&gt;
 * </pre>
 *
 * where a field is {@code -} when absent, else its length in UTF-8 bytes in decimal, a colon, and its text (so no
 * value can pass for another, whatever characters it holds). Hashes are written as 64 lowercase hex digits; the
 * first record's previous hash is {@link #GENESIS} (64 zeros).
 */
public final class RecordHash {

    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private RecordHash() {
    }

    /** The record hash of these fields (docs/evidence.md). */
    public static String of(long sequence, String kind, Instant recordedAt, String operation, String subject,
                            String peer, String contentSha256, String previousSha256) {
        String text = "itl-gateway evidence record 1\n"
                + "sequence:" + sequence + "\n"
                + "kind:" + kind + "\n"
                + "recorded_at:" + time(recordedAt) + "\n"
                + "operation:" + field(operation) + "\n"
                + "subject:" + field(subject) + "\n"
                + "peer:" + field(peer) + "\n"
                + "content_sha256:" + contentSha256 + "\n"
                + "previous_sha256:" + previousSha256 + "\n";
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The SHA-256 of {@code bytes}, in lowercase hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this Java runtime", e);
        }
    }

    /** A time as the archive keeps it: to the microsecond (what PostgreSQL stores). */
    public static Instant stored(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    static String time(Instant at) {
        return TIME.format(stored(at));
    }

    private static String field(String value) {
        return value == null ? "-" : value.getBytes(StandardCharsets.UTF_8).length + ":" + value;
    }
}
