package org.itlgateway.gateway.wire;

import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.schemas.v1.types.DesMessageHeader;

/** The header of every request between the wire and the gateway: the same four fields both ways. */
public final class EnvelopeMapping {

    private EnvelopeMapping() {
    }

    public static DesMessageHeader toWire(Envelope envelope) {
        DesMessageHeader header = new DesMessageHeader();
        header.setFrom(envelope.from());
        header.setTo(envelope.to());
        header.setMajorVersion(envelope.majorVersion());
        header.setMinorVersion(envelope.minorVersion());
        return header;
    }

    public static Envelope fromWire(DesMessageHeader header) {
        return new Envelope(header.getFrom(), header.getTo(), header.getMajorVersion(), header.getMinorVersion());
    }
}
