package org.itlgateway.gateway.delivery;

/** What one delivery attempt ended in, and whether to try again: the one place that decides. */
public enum SendOutcome {
    /** The receiver accepted the message for processing (receipt 1). */
    DELIVERED(false),
    /** The receiver refused it with codes (receipt 0 or a refusal fault): sending it again changes nothing. */
    REFUSED(false),
    /** No receipt: the peer was unreachable, timed out or answered something unreadable. Tried again on schedule. */
    NO_RECEIPT(true),
    /** It failed on this side (a bug, no address for the peer): tried again a few times, then a dead letter. */
    FAULT(true),
    /** Set aside as a dead letter, with its reason and stack trace, until an operator retries or discards it. */
    DEAD_LETTERED(false);

    private final boolean retry;

    SendOutcome(boolean retry) {
        this.retry = retry;
    }

    public boolean retry() {
        return retry;
    }
}
