package org.itlgateway.gateway.delivery;

import org.itlgateway.gateway.messaging.InboundMessage;
import org.itlgateway.gateway.messaging.Receipt;

/** How a node answers the two requests whose receipt carries the answer: provideTime and getTransactionStatus. */
public interface QueryAnswers {

    Receipt answer(InboundMessage query);
}
