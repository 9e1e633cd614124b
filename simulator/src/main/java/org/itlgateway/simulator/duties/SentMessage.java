package org.itlgateway.simulator.duties;

import java.time.Instant;
import org.itlgateway.core.registry.RegistryCode;

/**
 * An administrative message the ITL sent (acceptMessage), with its DES fields.
 *
 * @param registry        the registry it went to
 * @param messageDateTime when the ITL wrote it
 * @param messageContent  what it says
 */
public record SentMessage(RegistryCode registry, Instant messageDateTime, String messageContent) {
}
