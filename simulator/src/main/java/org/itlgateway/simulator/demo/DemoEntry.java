package org.itlgateway.simulator.demo;

import java.time.Instant;
import java.util.List;

/**
 * One transaction of the demo, as the report shows it.
 *
 * @param step          the story step that caused it
 * @param transaction   its identifier
 * @param type          its type and supplementary type, e.g. "3-0 External transfer"
 * @param from          the account the units left (or the registry, for an issuance)
 * @param to            the account they went to
 * @param quantity      how many units
 * @param simulatedDate when it was proposed, on the simulated clock
 * @param finalStatus   the status it ended in, e.g. "4 completed"
 * @param responseCodes the codes of the refusal, if any
 * @param refusedBy     which node refused it (ITL, CITL, or the acquiring registry), or null
 * @param note          what the story expected, for the reader
 */
public record DemoEntry(int step, String transaction, String type, String from, String to, long quantity,
                        Instant simulatedDate, String finalStatus, List<Integer> responseCodes, String refusedBy,
                        String note) {
}
