package org.itlgateway.simulator.terminal;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How far a long run is (benchmarks, chaos runs): on a terminal, a bar on standard error with the count, the rate and
 * the time left; nothing at all when the output is not a terminal, in CI (the {@code CI} variable set, as CI systems
 * do), or with {@code ITL_PROGRESS=off}, so logs and reports stay clean.
 */
public final class Progress implements AutoCloseable {

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** The progress of {@code total} steps of {@code task}. */
    public static Progress of(String task, long total) {
        if (!shown()) {
            return new Progress(null);
        }
        return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).showSpeed()
                .setMaxRenderedLength(110).build());
    }

    /** Whether progress is shown in this process. */
    public static boolean shown() {
        return System.console() != null && System.getenv("CI") == null
                && !"off".equalsIgnoreCase(String.valueOf(System.getenv("ITL_PROGRESS")));
    }

    /** One more step done (from any thread). */
    public void step() {
        if (bar != null) {
            bar.step();
        }
    }

    /** {@code done} steps done in all. */
    public void stepTo(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    /** What the run is doing now, shown beside the bar. */
    public void say(String message) {
        if (bar != null) {
            bar.setExtraMessage(message);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
