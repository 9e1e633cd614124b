package org.itlgateway.gateway.node.messages;

import java.time.Instant;
import org.itlgateway.gateway.messaging.AdministrativeMessage;

/**
 * An administrative message as the registry received it.
 *
 * @param id         the registry's own number for it
 * @param from       the node that sent it (the ITL)
 * @param receivedAt when the registry processed it, on its own clock
 * @param message    the DES's fields: when it was written and what it says
 */
public record ReceivedMessage(long id, String from, Instant receivedAt, AdministrativeMessage message) {
}
