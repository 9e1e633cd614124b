package org.itlgateway.gateway.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A failure is kept as text PostgreSQL takes and a terminal shows, whatever a peer's garbage put into it. */
class FailuresTest {

    @Test
    void aReasonQuotingAPeersGarbageKeepsNoControlCharacter() {
        IOException garbage = new IOException("Invalid SOAP reply: \u0000\u0001\u001b[31mboom\u007f");

        String reason = Failures.reason(new IllegalStateException("Could not send Message.", garbage));

        assertEquals("IllegalStateException: Could not send Message. <- IOException: Invalid SOAP reply: ???[31mboom?",
                reason);
    }

    @Test
    void aTraceKeepsItsLinesAndTabs() {
        String trace = Failures.trace(new IllegalStateException("a\u0000b"));

        assertTrue(trace.startsWith("java.lang.IllegalStateException: a?b\n\tat "), trace);
    }
}
