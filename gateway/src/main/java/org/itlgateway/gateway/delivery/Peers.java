package org.itlgateway.gateway.delivery;

import java.util.Optional;

/** The nodes a node knows how to reach. */
public interface Peers {

    Optional<Peer> find(String code);
}
