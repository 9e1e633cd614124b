package org.itlgateway.simulator.fault;

/** Which of a node's messages a fault rule is about, seen from the node. */
public enum FaultDirection {
    /** The messages the node receives: it takes the message in, and the fault acts on its answer. */
    RECEIVES,
    /** The messages the node sends: the fault acts on the way, before the destination takes the message in. */
    SENDS
}
