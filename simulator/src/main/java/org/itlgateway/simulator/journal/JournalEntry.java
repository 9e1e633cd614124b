package org.itlgateway.simulator.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One message seen by one node.
 *
 * @param id            the entry's number (increasing)
 * @param node          the node that saw it
 * @param direction     received, processed or sent
 * @param peer          the other node (sender or destination)
 * @param operation     the operation, e.g. acceptProposal
 * @param transactionId the transaction it is about, if any
 * @param simulatedTime the simulated clock at the time
 * @param realTime      the wall clock at the time
 * @param summary       what the message says, in one line
 * @param outcome       the receipt, the processing outcome, or the delivery outcome
 * @param rawXml        the signed XML as received or sent (only when asked for)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JournalEntry(long id, String node, Direction direction, String peer, String operation,
                           String transactionId, Instant simulatedTime, Instant realTime, String summary,
                           String outcome, String rawXml) {
}
