package org.itlgateway.gateway.delivery;

import java.time.Instant;
import org.itlgateway.gateway.messaging.Operation;

/** A message kept in the inbox, as the processor claims it. */
public record InboxEntry(long id, Operation operation, String sender, String messageKey, Instant receivedAt,
                         byte[] rawXml) {
}
