package org.itlgateway.simulator.profile;

/** What a node of the network is. */
public enum PeerKind {
    /** The International Transaction Log. */
    ITL,
    /** The EU's supplementary transaction log. */
    CITL,
    /** A registry played by the simulator (national, or the EU's). */
    REGISTRY,
    /** The CDM registry, played by the gateway's registry node. */
    CDM_REGISTRY,
    /** A registry run by a tester outside the simulator, reached at its own address. */
    EXTERNAL_REGISTRY
}
