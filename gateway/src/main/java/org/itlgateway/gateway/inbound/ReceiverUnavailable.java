package org.itlgateway.gateway.inbound;

/**
 * A verified message this node could not keep because of a failure on its own side (its database unavailable, a
 * bug in the receive path): answered with a Server fault that is not a refusal, so the sender sends it again
 * later instead of taking a refusal as final and losing the message.
 */
public final class ReceiverUnavailable extends RuntimeException {

    public ReceiverUnavailable(String what, Throwable cause) {
        super(what + " could not be kept: " + cause.getMessage(), cause);
    }
}
