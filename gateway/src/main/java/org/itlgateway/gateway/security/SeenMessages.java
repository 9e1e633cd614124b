package org.itlgateway.gateway.security;

import java.time.Instant;

/** The signed messages a node has received, remembered until a copy could no longer pass the timestamp check. */
public interface SeenMessages {

    /**
     * Records a received message: true the first time its fingerprint is seen, false for every copy after it,
     * even when copies arrive at the same moment at several instances of the node.
     */
    boolean firstSighting(String fingerprint, String signer, Instant keepUntil);
}
