package org.itlgateway.gateway.inbound;

import java.util.Map;

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
 */
public record InboundLimits(int maxBytes, int maxDepth, int maxChildElements, int maxElementCount,
                            int maxTextLength, int maxAttributes) {

    public static InboundLimits defaults() {
        return new InboundLimits(8 * 1024 * 1024, 40, 5_100, 200_000, 16 * 1024, 32);
    }

    /** The endpoint properties CXF reads for its StAX reader limits. */
    public Map<String, Object> staxProperties() {
        return Map.of(
                "org.apache.cxf.stax.maxElementDepth", maxDepth,
                "org.apache.cxf.stax.maxChildElements", maxChildElements,
                "org.apache.cxf.stax.maxElementCount", (long) maxElementCount,
                "org.apache.cxf.stax.maxTextLength", maxTextLength,
                "org.apache.cxf.stax.maxAttributeCount", maxAttributes,
                "org.apache.cxf.stax.maxAttributeSize", 4 * 1024,
                "org.apache.cxf.stax.maxXMLCharacters", (long) maxBytes);
    }
}
