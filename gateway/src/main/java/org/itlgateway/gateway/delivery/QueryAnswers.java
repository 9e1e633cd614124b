package org.itlgateway.gateway.delivery;

import java.util.Optional;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.wire.InboundMessage;

/**
 * What a node says in the receipt itself: the answer to the two requests whose receipt carries it (provideTime and
 * getTransactionStatus), and the refusal of a request it can tell at once it will not take.
 */
public interface QueryAnswers {

    Receipt answer(InboundMessage query);

    /**
     * The refusal to give in the receipt instead of keeping the message, when the node can tell from the request
     * alone that it will not take it (e.g. a reconciliation whose snapshot time is ahead of the registry's clock);
     * empty to keep it for processing.
     */
    default Optional<Receipt> refusalAtReceipt(InboundMessage message) {
        return Optional.empty();
    }
}
