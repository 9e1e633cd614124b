package org.itlgateway.gateway.wire;

import org.itlgateway.gateway.messaging.AdministrativeMessage;
import org.itlgateway.schemas.v1.types.DesAdministrativeMessage;

/** Administrative messages (acceptMessage) between the wire and the gateway. */
public final class AdministrativeMessageMapping {

    private AdministrativeMessageMapping() {
    }

    public static DesAdministrativeMessage toWire(AdministrativeMessage message) {
        DesAdministrativeMessage wire = new DesAdministrativeMessage();
        wire.setMessageDateTime(message.dateTime());
        wire.setMessageContent(message.content());
        return wire;
    }

    public static AdministrativeMessage fromWire(DesAdministrativeMessage wire) {
        return new AdministrativeMessage(wire.getMessageDateTime(),
                wire.getMessageContent() == null ? "" : wire.getMessageContent());
    }

    /** The message, sent to a registry (acceptMessage). */
    public static Outgoing<?> toRegistry(AdministrativeMessage message) {
        return new Outgoing<>(Wire.REGISTRY_ACCEPT_MESSAGE, toWire(message));
    }
}
