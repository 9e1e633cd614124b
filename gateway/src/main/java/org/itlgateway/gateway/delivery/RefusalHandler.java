package org.itlgateway.gateway.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What a node does when a peer refuses one of its messages in the receipt (resultIdentifier 0, or a refusal
 * fault): run in the transaction that records the refusal, so the node's own state and the outbox never disagree
 * (e.g. the ITL ends a reconciliation whose start the registry refused).
 */
@FunctionalInterface
public interface RefusalHandler {

    /**
     * @param message what was refused
     * @param codes   the response codes of the refusal (empty when the peer gave none)
     */
    void refused(Connection connection, OutboundMessage message, List<Integer> codes) throws SQLException;

    RefusalHandler NONE = (connection, message, codes) -> { };
}
