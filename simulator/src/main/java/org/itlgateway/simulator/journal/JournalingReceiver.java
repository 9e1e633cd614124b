package org.itlgateway.simulator.journal;

import java.util.stream.Collectors;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.gateway.wire.MessageReceiver;

/** Journals every request a node received, with the signed XML and the receipt it answered. */
public final class JournalingReceiver implements MessageReceiver {

    private final String node;
    private final MessageReceiver inner;
    private final Journal journal;

    public JournalingReceiver(String node, MessageReceiver inner, Journal journal) {
        this.node = node;
        this.inner = inner;
        this.journal = journal;
    }

    @Override
    public Receipt receive(InboundMessage message) {
        Receipt receipt = inner.receive(message);
        String outcome = receipt.accepted() ? "receipt 1"
                : "receipt 0 " + receipt.codes().stream().map(c -> Integer.toString(c.code())).collect(Collectors.joining(","))
                        + (receipt.reason() == null ? "" : ": " + receipt.reason());
        journal.record(node, Direction.RECEIVED, message.signer(), message.operation().wireName(),
                MessageSummaries.transactionOf(message.request()), MessageSummaries.summaryOf(message.request()), outcome,
                message.rawXml());
        return receipt;
    }
}
