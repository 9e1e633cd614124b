package org.itlgateway.simulator.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Long runs show their progress on a terminal only: in a build, where output goes to files, they write nothing. */
class ProgressTest {

    @Test
    void withoutATerminalTheProgressOfALongRunWritesNothing() {
        PrintStream standardError = System.err;
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        System.setErr(new PrintStream(written, true, StandardCharsets.UTF_8));
        try (Progress progress = Progress.of("a long run", 1_000)) {
            for (int i = 0; i < 1_000; i++) {
                progress.step();
            }
            progress.stepTo(1_000);
            progress.say("almost done");
        } finally {
            System.setErr(standardError);
        }

        assertFalse(Progress.shown(), "the tests' output is not a terminal");
        assertEquals("", written.toString(StandardCharsets.UTF_8));
    }
}
