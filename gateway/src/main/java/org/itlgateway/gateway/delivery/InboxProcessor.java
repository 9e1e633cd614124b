package org.itlgateway.gateway.delivery;

import java.sql.Savepoint;
import java.time.Clock;
import java.util.Optional;
import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.gateway.messaging.InboundMessage;
import org.itlgateway.schemas.v1.types.DesMessageHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes the inbox, oldest first: each message is claimed with a row lock other processors skip, handed to
 * the node's handler and marked processed in the same transaction. A handler that fails leaves its changes
 * undone and the message marked failed (with why), so one bad message never blocks the others.
 */
public final class InboxProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(InboxProcessor.class);

    private final Transactor transactor;
    private final InboxHandler handler;
    private final Clock clock;

    public InboxProcessor(Transactor transactor, InboxHandler handler, Clock clock) {
        this.transactor = transactor;
        this.handler = handler;
        this.clock = clock;
    }

    /** Processes every waiting message; answers how many. */
    public int processPending() {
        int processed = 0;
        while (processOne()) {
            processed++;
        }
        return processed;
    }

    /** Processes the oldest waiting message, if there is one. */
    public boolean processOne() {
        return transactor.inTransaction(connection -> {
            Optional<InboxEntry> claimed = Inbox.claimNext(connection);
            if (claimed.isEmpty()) {
                return false;
            }
            InboxEntry entry = claimed.get();
            Object request = PayloadCodec.fromEnvelope(entry.rawXml());
            DesMessageHeader header = PayloadCodec.headerOf(request);
            InboundMessage message = new InboundMessage(entry.operation(),
                    new Envelope(header.getFrom(), header.getTo(), header.getMajorVersion(), header.getMinorVersion()),
                    PayloadCodec.contentOf(request), entry.sender(), entry.receivedAt(), entry.rawXml());
            Savepoint beforeHandling = connection.setSavepoint();
            try {
                String outcome = handler.handle(connection, message);
                Inbox.markProcessed(connection, entry.id(), clock.instant(), outcome);
            } catch (RuntimeException | java.sql.SQLException e) {
                connection.rollback(beforeHandling);
                LOG.error("processing {} {} from {} failed: {}", entry.operation(), entry.messageKey(), entry.sender(),
                        e.getMessage());
                Inbox.markFailed(connection, entry.id(), clock.instant(), e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            return true;
        });
    }
}
