package org.itlgateway.simulator.journal;

import java.sql.Connection;
import java.sql.SQLException;
import org.itlgateway.gateway.delivery.InboxHandler;
import org.itlgateway.gateway.wire.InboundMessage;

/** Journals what a node did with each message it processed from its inbox. */
public final class JournalingHandler implements InboxHandler {

    private final String node;
    private final InboxHandler inner;
    private final Journal journal;

    public JournalingHandler(String node, InboxHandler inner, Journal journal) {
        this.node = node;
        this.inner = inner;
        this.journal = journal;
    }

    @Override
    public String handle(Connection connection, InboundMessage message) throws SQLException {
        String outcome;
        try {
            outcome = inner.handle(connection, message);
        } catch (SQLException | RuntimeException e) {
            journal.record(node, Direction.PROCESSED, message.signer(), message.operation().wireName(),
                    MessageSummaries.transactionOf(message.request()), MessageSummaries.summaryOf(message.request()),
                    "failed: " + e.getMessage(), null);
            throw e;
        }
        journal.record(node, Direction.PROCESSED, message.signer(), message.operation().wireName(),
                MessageSummaries.transactionOf(message.request()), MessageSummaries.summaryOf(message.request()), outcome, null);
        return outcome;
    }
}
