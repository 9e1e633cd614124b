package org.itlgateway.simulator.conformance;

import java.time.Duration;
import java.util.List;
import org.itlgateway.simulator.journal.JournalEntry;

/**
 * How one test ended.
 *
 * @param test     the test
 * @param outcome  passed, failed, skipped or not applicable
 * @param reason   the first reason of a failure, why a test was skipped or does not apply; null when it passed
 * @param time     how long it took on the wall clock (for the report only)
 * @param messages every journal entry of the messages it exchanged, with the signed XML
 * @param notes    what the test saw on the way (how each refusal was answered)
 */
public record TestResult(ConformanceTest test, Outcome outcome, String reason, Duration time, List<JournalEntry> messages,
                         List<String> notes) {

    public TestResult {
        messages = List.copyOf(messages);
        notes = List.copyOf(notes);
    }

    static TestResult notRun(ConformanceTest test, Outcome outcome, String reason) {
        return new TestResult(test, outcome, reason, Duration.ZERO, List.of(), List.of());
    }
}
