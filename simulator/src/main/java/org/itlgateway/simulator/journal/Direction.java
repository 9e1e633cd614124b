package org.itlgateway.simulator.journal;

/** Which way a journal entry went, seen from its node. */
public enum Direction {
    /** A request reached the node (with the receipt it got). */
    RECEIVED,
    /** The node processed a request from its inbox (with what it did). */
    PROCESSED,
    /** The node sent a request (with the receipt it got back, or why there was none). */
    SENT
}
