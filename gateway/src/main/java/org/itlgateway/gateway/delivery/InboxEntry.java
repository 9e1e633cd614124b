package org.itlgateway.gateway.delivery;

import java.time.Instant;
import org.itlgateway.gateway.messaging.Operation;

/**
 * A message kept in the inbox, as the processor claims it.
 *
 * @param payloadXml the request wrapper as the gateway verified and read it, written by {@link PayloadCodec}; what
 *                   the processor reads ({@code null} only for messages kept before this column existed)
 * @param rawXml     the bytes as received, signature included: evidence, never parsed again
 */
public record InboxEntry(long id, Operation operation, String sender, String messageKey, Instant receivedAt,
                         String payloadXml, byte[] rawXml) {
}
