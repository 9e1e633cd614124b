package org.itlgateway.gateway.inbound;

import java.time.Duration;
import java.time.Instant;
import org.itlgateway.core.result.ResponseCode;
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

    /** The longest lifetime (Expires − Created) of a Timestamp this node accepts; toolkits use minutes. */
    static final Duration LONGEST_TIMESTAMP_LIFETIME = Duration.ofHours(1);

    public void admit(VerifiedSignature signature) {
        if (signature.expires() != null
                && Duration.between(signature.created(), signature.expires()).compareTo(LONGEST_TIMESTAMP_LIFETIME) > 0) {
            throw Refusals.fault(ResponseCode.TIMESTAMP_STALE, "the message's Timestamp claims a lifetime of more than "
                    + LONGEST_TIMESTAMP_LIFETIME.toMinutes() + " minutes");
        }
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
