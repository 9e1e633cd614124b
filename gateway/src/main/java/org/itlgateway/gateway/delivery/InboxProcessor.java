package org.itlgateway.gateway.delivery;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.gateway.wire.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes the inbox, oldest first. Each message is claimed with a row lock other processors skip, read from
 * what the gateway stored when it verified it, handed to the node's handler and marked processed, all in one
 * transaction. When anything in it fails, that transaction is rolled back as a whole, and the message is set
 * aside as a dead letter (with its reason and stack trace) in a short transaction of its own, so the failure
 * cannot undo the mark; processing goes on with the next message. A failure of the database itself (unreachable,
 * the session terminated) is not the message's: it stays waiting and the round stops, to take it again later.
 */
public final class InboxProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(InboxProcessor.class);

    private final Transactor transactor;
    private final InboxHandler handler;
    private final Clock clock;
    /** Rollbacks for concurrent work in a row on one message before the round stops (the message waits for the next). */
    static final int CONFLICTS_PER_ROUND = 3;
    private long conflictedEntry = -1;
    private int conflicts;

    public InboxProcessor(Transactor transactor, InboxHandler handler, Clock clock) {
        this.transactor = transactor;
        this.handler = handler;
        this.clock = clock;
    }

    /** Processes every waiting message; answers how many were taken (processed or set aside). */
    public int processPending() {
        int processed = 0;
        while (processOne()) {
            processed++;
        }
        return processed;
    }

    /** Processes the oldest waiting message, if there is one. */
    public boolean processOne() {
        AtomicReference<InboxEntry> claimed = new AtomicReference<>();
        try {
            return transactor.inTransaction(connection -> {
                Optional<InboxEntry> next = Inbox.claimNext(connection);
                if (next.isEmpty()) {
                    return false;
                }
                InboxEntry entry = next.get();
                claimed.set(entry);
                String outcome = handler.handle(connection, messageOf(entry));
                Inbox.markProcessed(connection, entry.id(), clock.instant(), outcome);
                return true;
            });
        } catch (RuntimeException | Error failure) {
            InboxEntry entry = claimed.get();
            if (entry == null) {
                throw failure;
            }
            if (Failures.databaseUnavailable(failure)) {
                // The database went away under it: nothing was kept, the message waits and is taken again next round.
                LOG.warn("processing {} {} from {} (inbox {}) stopped: the database is unavailable ({}); it is taken"
                        + " again later", entry.operation(), entry.messageKey(), entry.sender(), entry.id(),
                        Failures.reason(failure));
                throw failure;
            }
            if (Failures.concurrencyConflict(failure)) {
                // Rolled back because of concurrent work, not because of the message: it is taken again at once, a few
                // times; then the round stops and the message waits for the next one, so no conflict spins the node.
                conflicts = entry.id() == conflictedEntry ? conflicts + 1 : 1;
                conflictedEntry = entry.id();
                LOG.warn("processing {} {} from {} (inbox {}) met concurrent work and was rolled back ({}), {} time(s)",
                        entry.operation(), entry.messageKey(), entry.sender(), entry.id(), Failures.reason(failure), conflicts);
                if (conflicts >= CONFLICTS_PER_ROUND) {
                    conflicts = 0;
                    throw failure;
                }
                return true;
            }
            setAside(entry, failure);
            return true;
        }
    }

    private void setAside(InboxEntry entry, Throwable failure) {
        LOG.error("processing {} {} from {} (inbox {}) failed; it is kept as a dead letter", entry.operation(),
                entry.messageKey(), entry.sender(), entry.id(), failure);
        String reason = Failures.reason(failure);
        String trace = Failures.trace(failure);
        transactor.inTransaction(connection -> Inbox.markDead(connection, entry.id(), clock.instant(), reason, trace));
    }

    /** The message as the handler sees it, read from the request the gateway stored when it verified it. */
    private static InboundMessage messageOf(InboxEntry entry) {
        Request<?> request = entry.payloadXml() != null
                ? PayloadCodec.unmarshal(entry.operation(), entry.payloadXml())
                : PayloadCodec.fromEnvelope(entry.operation(), entry.rawXml());
        return new InboundMessage(request, entry.sender(), entry.receivedAt(), entry.rawXml());
    }
}
