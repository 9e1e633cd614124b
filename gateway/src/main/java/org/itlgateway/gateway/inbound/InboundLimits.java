package org.itlgateway.gateway.inbound;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on what one inbound message may cost, set well below the stack's defaults: a proposal of 3,000
 * blocks is about 3 MB, a reconciliation chunk of 5,000 blocks about 5 MB.
 *
 * @param maxBytes         the whole message
 * @param maxDepth         element nesting
 * @param maxChildElements children of one element
 * @param maxElementCount  elements in the message
 * @param maxTextLength    characters of one text node
 * @param maxAttributes    attributes of one element
 * @param idleTimeout      a connection to the endpoint that sends nothing this long is closed
 * @param slowSenderGrace  how long a sender may send slower than the minimum data rate before its request stops being
 *                         read
 */
public record InboundLimits(int maxBytes, int maxDepth, int maxChildElements, int maxElementCount,
                            int maxTextLength, int maxAttributes, Duration idleTimeout, Duration slowSenderGrace) {

    /** How long a connection may send nothing before it is closed (Jetty's default here was 200 s). */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** How long a sender may be slow before the minimum data rate applies. */
    public static final Duration DEFAULT_SLOW_SENDER_GRACE = Duration.ofSeconds(5);

    public InboundLimits {
        Objects.requireNonNull(idleTimeout, "idle timeout");
        Objects.requireNonNull(slowSenderGrace, "slow-sender grace");
        if (maxBytes < 1 || maxDepth < 1 || maxChildElements < 1 || maxElementCount < 1 || maxTextLength < 1
                || maxAttributes < 1) {
            throw new IllegalArgumentException("every inbound limit is at least 1");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || slowSenderGrace.isNegative() || slowSenderGrace.isZero()) {
            throw new IllegalArgumentException("the idle timeout and the slow-sender grace are positive");
        }
    }

    /** These limits on a message, with the default idle timeout and slow-sender grace. */
    public InboundLimits(int maxBytes, int maxDepth, int maxChildElements, int maxElementCount, int maxTextLength,
                         int maxAttributes) {
        this(maxBytes, maxDepth, maxChildElements, maxElementCount, maxTextLength, maxAttributes, DEFAULT_IDLE_TIMEOUT,
                DEFAULT_SLOW_SENDER_GRACE);
    }

    /** 8 MB, 40 levels, 5,100 children, 200,000 elements, 16 K characters of text, 32 attributes; 30 s idle, 5 s grace. */
    public static InboundLimits defaults() {
        return new InboundLimits(8 * 1024 * 1024, 40, 5_100, 200_000, 16 * 1024, 32);
    }

    /** These limits with {@code bytes} as the largest message. */
    public InboundLimits withMaxBytes(int bytes) {
        return new InboundLimits(bytes, maxDepth, maxChildElements, maxElementCount, maxTextLength, maxAttributes,
                idleTimeout, slowSenderGrace);
    }
}
