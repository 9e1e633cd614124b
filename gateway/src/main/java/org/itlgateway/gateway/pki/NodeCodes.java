package org.itlgateway.gateway.pki;

import org.itlgateway.core.registry.RegistryCode;

/**
 * The codes of the nodes a network's CA issues to: a registry code as the contract's RegistryCode type has it (two
 * capital letters, or CDM), ITL or CITL. A code names files in the CA directory, so nothing else is ever accepted.
 */
public final class NodeCodes {

    private NodeCodes() {
    }

    public static boolean isNodeCode(String code) {
        return RegistryCode.isWellFormed(code) || "ITL".equals(code) || "CITL".equals(code);
    }

    /** The code, or a refusal naming what a node code is. */
    public static String require(String code) {
        if (!isNodeCode(code)) {
            throw new IllegalArgumentException("a node code is two capital letters, CDM, ITL or CITL, not " + code);
        }
        return code;
    }
}
