package org.itlgateway.gateway.messaging;

import java.time.Instant;
import java.util.Objects;

/**
 * A free-text message between administrators (acceptMessage), as the DES's AdministrativeMessage carries it.
 *
 * @param dateTime when the sender wrote it (messageDateTime)
 * @param content  what it says (messageContent, at most {@value #MAX_LENGTH} characters)
 */
public record AdministrativeMessage(Instant dateTime, String content) {

    /** The longest content the DES's FreeText takes. */
    public static final int MAX_LENGTH = 4000;

    public AdministrativeMessage {
        Objects.requireNonNull(dateTime, "messageDateTime");
        Objects.requireNonNull(content, "messageContent");
        if (content.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a message's content is at most " + MAX_LENGTH + " characters, not "
                    + content.length());
        }
    }
}
