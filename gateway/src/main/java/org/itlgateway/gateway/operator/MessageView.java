package org.itlgateway.gateway.operator;

import java.time.Instant;

/**
 * A message the node sent (from its outbox) or received (in its inbox) about a transaction.
 *
 * @param direction      {@code sent} or {@code received}
 * @param operation      the operation on the wire, e.g. {@code acceptProposal}
 * @param peer           where it went, or who sent it
 * @param key            its business identity: the transaction, and for a notification its status ({@code CDM1/2})
 * @param notifiedStatus for a notification, the status it carries
 * @param at             when it was written to the outbox, or received
 * @param state          outbox: PENDING, DELIVERED or REFUSED; inbox: RECEIVED, PROCESSED or FAILED
 * @param doneAt         when it was delivered, or processed
 * @param attempts       how many times it was sent, or processed
 * @param receiptCodes   sent: the response codes of a refusing receipt
 * @param outcome        received: what processing it did
 * @param lastError      sent: why the last attempt got no receipt
 */
public record MessageView(String direction, String operation, String peer, String key, CodeView notifiedStatus, Instant at,
                   String state, Instant doneAt, int attempts, String receiptCodes, String outcome, String lastError) {
}
