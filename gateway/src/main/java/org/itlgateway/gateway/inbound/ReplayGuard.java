package org.itlgateway.gateway.inbound;

import java.time.Duration;
import java.time.Instant;
import org.itlgateway.core.check.ResponseCode;
import org.itlgateway.gateway.security.SeenMessages;
import org.itlgateway.gateway.security.SignerIdentity;
import org.itlgateway.gateway.security.VerifiedSignature;

/**
 * Refuses (1008) a signed message received before, by this instance or any other on the same database: its
 * fingerprint (the verified digests of its Timestamp and Body) is recorded until the message could no longer
 * pass the timestamp check anyway, plus a margin for clock differences between instances.
 */
public final class ReplayGuard {

    /** How long past its time a message is still remembered (instances' clocks may differ by this much). */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(5);

    private final SeenMessages seen;
    private final Duration timestampTtl;

    public ReplayGuard(SeenMessages seen, Duration timestampTtl) {
        this.seen = seen;
        this.timestampTtl = timestampTtl;
    }

    public void admit(VerifiedSignature signature) {
        Instant acceptableUntil = signature.created().plus(timestampTtl);
        if (signature.expires() != null && signature.expires().isBefore(acceptableUntil)) {
            acceptableUntil = signature.expires();
        }
        if (!seen.firstSighting(signature.fingerprint(), SignerIdentity.nodeCodeOf(signature.signer()),
                acceptableUntil.plus(CLOCK_MARGIN))) {
            throw Refusals.fault(ResponseCode.MESSAGE_REPLAYED, "this signed message was received before");
        }
    }
}
