package org.itlgateway.gateway.delivery;

import java.util.Objects;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.schemas.v1.types.DesMessageHeader;

/**
 * A message to send: to which node, which operation, its business identity and the request itself (header and
 * content as the generated wire objects).
 */
public record OutboundMessage(String destination, Operation operation, String messageKey, Object request) {

    public OutboundMessage {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(request, "request");
    }

    /** A message with its header filled in from {@code from} to {@code destination}. */
    public static OutboundMessage of(String from, String destination, Operation operation, Object content) {
        DesMessageHeader header = new DesMessageHeader();
        header.setFrom(from);
        header.setTo(destination);
        header.setMajorVersion(org.itlgateway.schemas.DesContract.MAJOR_VERSION);
        header.setMinorVersion(org.itlgateway.schemas.DesContract.MINOR_VERSION);
        Object request = PayloadCodec.wrap(operation, header, content);
        String key = MessageKeys.keyOf(operation, content, PayloadCodec.digest(request));
        return new OutboundMessage(destination, operation, key, request);
    }
}
