package org.itlgateway.gateway.metrics;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per message a node received or sent, at INFO on the logger {@code org.itlgateway.messages}: the node, the
 * operation, the transaction it is about (when it is about one), the peer, the outcome and how long it took. The text
 * format reads as a sentence; the JSON format carries each of them as a key-value pair ({@code kvpList}).
 */
final class MessageLog {

    /** The logger of the lines, to route or silence them apart from the rest. */
    static final String LOGGER = "org.itlgateway.messages";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final String node;

    MessageLog(String node) {
        this.node = node;
    }

    void received(String operation, String transaction, String peer, String outcome, Duration took) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long millis = took.toMillis();
        LOG.atInfo().addKeyValue("node", node).addKeyValue("direction", "received").addKeyValue("operation", operation)
                .addKeyValue("transaction", transaction).addKeyValue("peer", peer).addKeyValue("outcome", outcome)
                .addKeyValue("durationMillis", millis)
                .log("{} received {}{} from {}: {} ({} ms)", node, operation, about(transaction), peer, outcome, millis);
    }

    void sent(String operation, String transaction, String peer, String outcome, int attempt, Duration took) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long millis = took.toMillis();
        LOG.atInfo().addKeyValue("node", node).addKeyValue("direction", "sent").addKeyValue("operation", operation)
                .addKeyValue("transaction", transaction).addKeyValue("peer", peer).addKeyValue("outcome", outcome)
                .addKeyValue("attempt", attempt).addKeyValue("durationMillis", millis)
                .log("{} sent {}{} to {} (attempt {}): {} ({} ms)", node, operation, about(transaction), peer, attempt,
                        outcome, millis);
    }

    private static String about(String transaction) {
        return transaction == null ? "" : " " + transaction;
    }
}
