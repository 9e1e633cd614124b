package org.itlgateway.simulator.conformance;

import java.util.List;
import org.itlgateway.simulator.journal.JournalEntry;

/** Collects the messages a test exchanged: marks where the journal stood at its start, then reads what came after. */
public interface MessageCapture {

    /** Nothing collected (a plan played without a network). */
    MessageCapture NONE = new MessageCapture() {
        @Override
        public long begin() {
            return 0;
        }

        @Override
        public List<JournalEntry> end(long mark) {
            return List.of();
        }
    };

    /** Marks the start of a test. */
    long begin();

    /** The messages of the test that started at {@code mark}. */
    List<JournalEntry> end(long mark);
}
