package org.itlgateway.gateway.messaging;

/**
 * The header every request carries.
 *
 * @param from         the sending node (registry code, ITL or CITL)
 * @param to           the receiving node
 * @param majorVersion the contract's major version the sender speaks
 * @param minorVersion the contract's minor version the sender speaks
 */
public record Envelope(String from, String to, int majorVersion, int minorVersion) {
}
