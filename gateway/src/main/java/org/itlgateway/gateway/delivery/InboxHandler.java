package org.itlgateway.gateway.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import org.itlgateway.gateway.wire.InboundMessage;

/**
 * A node's business processing of one received message. It runs in the database transaction that marks the
 * message processed: its changes, the messages it enqueues in the outbox (on the same connection) and the
 * inbox mark commit together, so a crash loses nothing and applies nothing twice.
 */
@FunctionalInterface
public interface InboxHandler {

    /** Processes the message and answers a short description of the outcome, for the journal. */
    String handle(Connection connection, InboundMessage message) throws SQLException;
}
