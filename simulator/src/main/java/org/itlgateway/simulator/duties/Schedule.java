package org.itlgateway.simulator.duties;

import java.time.Instant;

/**
 * A duty the ITL runs on the simulated clock, as set.
 *
 * @param registry whom it covers: a registry's code, or {@code all}
 * @param every    how often (an ISO-8601 duration)
 * @param next     when it is next due
 * @param text     what a scheduled administrative message says; {@code null} for a time check
 */
public record Schedule(String registry, String every, Instant next, String text) {
}
