package org.itlgateway.gateway.delivery;

import java.time.Duration;
import java.util.Optional;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.gateway.evidence.EvidenceArchive;
import org.itlgateway.gateway.evidence.EvidenceKind;
import org.itlgateway.gateway.inbound.HeaderChecks;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.gateway.wire.MessageReceiver;

/**
 * The inbound pipeline's last steps: header checks → the node's refusals at receipt → duplicate detection →
 * persist to the inbox → receipt. A
 * message from a peer also makes the outbox's messages waiting on a retry delay for that peer due at once.
 * Nothing is processed here; a receipt of 1 means the message is safely in the inbox, kept as the request this
 * gateway verified and read (written again by {@link PayloadCodec}), so processing never parses the received bytes.
 * The bytes as received, with the verified signer, are appended to the evidence archive in the inbox's transaction.
 * Messages received at the same time share that transaction ({@link GroupCommit}): one commit, and one turn at the
 * archive's head, for all that arrived while the previous commit was under way; each receipt still waits for the
 * commit that keeps its message.
 */
public final class InboxReceiver implements MessageReceiver {

    private final HeaderChecks headerChecks;
    private final GroupCommit commits;
    private final QueryAnswers queries;
    private final boolean archived;
    private volatile ReceiptObserver observer = ReceiptObserver.NONE;

    public InboxReceiver(HeaderChecks headerChecks, Transactor transactor, QueryAnswers queries) {
        this(headerChecks, transactor, queries, true);
    }

    private InboxReceiver(HeaderChecks headerChecks, Transactor transactor, QueryAnswers queries, boolean archived) {
        this.headerChecks = headerChecks;
        this.commits = new GroupCommit(transactor);
        this.queries = queries;
        this.archived = archived;
    }

    /**
     * The same receiver appending nothing to the evidence archive: only for the benchmark that measures what the
     * archive costs (BENCHMARKS.md, {@code ./bench evidence}), beside one that archives. No node is assembled with
     * it, and no setting leads to it: a node always archives what it receives.
     */
    public static InboxReceiver withoutEvidenceArchiveForBenchmark(HeaderChecks headerChecks, Transactor transactor,
                                                                   QueryAnswers queries) {
        return new InboxReceiver(headerChecks, transactor, queries, false);
    }

    /** How the inbox's commits have been shared so far. */
    public GroupCommit commits() {
        return commits;
    }

    /** Tells {@code newObserver} of every receipt from now on (not of a failure, which gives no receipt). */
    public InboxReceiver observedBy(ReceiptObserver newObserver) {
        this.observer = newObserver == null ? ReceiptObserver.NONE : newObserver;
        return this;
    }

    @Override
    public Receipt receive(InboundMessage message) {
        long started = System.nanoTime();
        boolean[] duplicate = new boolean[1];
        Receipt receipt = answer(message, duplicate);
        observer.received(message, receipt, duplicate[0], Duration.ofNanos(System.nanoTime() - started));
        return receipt;
    }

    private Receipt answer(InboundMessage message, boolean[] duplicate) {
        Optional<Receipt> refusal = headerChecks.refusal(message);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (message.operation().isQuery()) {
            return queries.answer(message);
        }
        Optional<Receipt> refused = queries.refusalAtReceipt(message);
        if (refused.isPresent()) {
            return refused.get();
        }
        // What was verified, written again by our own codec: the processor reads this, never the bytes received.
        String payloadXml = PayloadCodec.marshal(message.request());
        String digest = PayloadCodec.digestOf(payloadXml);
        String key = MessageKeys.keyOf(message.request(), digest);
        Inbox.Recorded recorded = commits.inTransaction(connection -> {
            Inbox.Recorded stored = archived
                    ? Inbox.recordForEvidence(connection, message.operation(), message.signer(), key, digest,
                    message.receivedAt(), payloadXml)
                    : Inbox.record(connection, message.operation(), message.signer(), key, digest,
                    message.receivedAt(), payloadXml, message.rawXml());
            // The peer speaks: it is up, so what waits to be retried to it goes now, not on a down peer's schedule.
            Outbox.dueAtOnceFor(connection, message.signer(), message.receivedAt());
            // Evidence of what arrived, as it arrived and from whom, committed with the inbox row or not at all; last,
            // so the archive's head is held for as short a time as can be. The bytes are kept once, in the record,
            // which a new inbox row names (its own row, which nothing else can hold).
            if (archived) {
                long evidence = EvidenceArchive.append(connection, EvidenceKind.MESSAGE_RECEIVED, message.receivedAt(),
                        message.operation().name(), key, message.signer(), message.rawXml()).sequence();
                if (stored == Inbox.Recorded.NEW) {
                    Inbox.namesEvidence(connection, message.operation(), message.signer(), key, evidence);
                }
            }
            return stored;
        });
        if (recorded == Inbox.Recorded.DIFFERENT_FROM_BEFORE) {
            return Receipt.refusal(ResponseCode.DUPLICATE_TRANSACTION_DIFFERENT_CONTENT,
                    message.operation().wireName() + " " + key + " was received before with other content");
        }
        duplicate[0] = recorded == Inbox.Recorded.SAME_AS_BEFORE;
        return Receipt.acceptedForProcessing();
    }
}
