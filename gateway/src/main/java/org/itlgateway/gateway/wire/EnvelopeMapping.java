package org.itlgateway.gateway.wire;

import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.schemas.v1.types.DesMessageHeader;

/**
 * The DES header fields of every request (from, to, majorVersion, minorVersion) between the wire and the gateway: the
 * same four fields both ways. Every request element extends {@link DesMessageHeader}, so they are its first children.
 */
public final class EnvelopeMapping {

    private EnvelopeMapping() {
    }

    public static DesMessageHeader toWire(Envelope envelope) {
        return write(envelope, new DesMessageHeader());
    }

    /** Writes the header fields into a request element (or a bare header); answers it. */
    public static <H extends DesMessageHeader> H write(Envelope envelope, H header) {
        header.setFrom(envelope.from());
        header.setTo(envelope.to());
        header.setMajorVersion(envelope.majorVersion());
        header.setMinorVersion(envelope.minorVersion());
        return header;
    }

    /** The header fields as the four parameters of a generated endpoint method give them. */
    public static DesMessageHeader of(String from, String to, int majorVersion, int minorVersion) {
        DesMessageHeader header = new DesMessageHeader();
        header.setFrom(from);
        header.setTo(to);
        header.setMajorVersion(majorVersion);
        header.setMinorVersion(minorVersion);
        return header;
    }

    public static Envelope fromWire(DesMessageHeader header) {
        return new Envelope(header.getFrom(), header.getTo(), header.getMajorVersion(), header.getMinorVersion());
    }
}
