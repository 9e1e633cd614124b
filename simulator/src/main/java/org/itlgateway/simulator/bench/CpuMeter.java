package org.itlgateway.simulator.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of this process apart from the benchmark's own client threads and the HTTP client's threads they hand
 * their exchanges to: with client and server in one JVM, that is the server side (request threads, garbage
 * collection, compilation).
 */
final class CpuMeter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuMeter() {
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU time so far of this machine's PostgreSQL processes (every process named {@code postgres}: the server, its
     * live backends, and what it reaped from ended ones), or -1 where {@code /proc} does not tell. A benchmark's
     * database runs on the same cores as the gateway it measures, so its work is part of a request's cost.
     */
    static long databaseCpuNanos() {
        java.io.File[] processes = new java.io.File("/proc").listFiles((dir, name) -> name.chars().allMatch(Character::isDigit));
        if (processes == null) {
            return -1;
        }
        long ticks = 0;
        for (java.io.File process : processes) {
            try {
                String stat = java.nio.file.Files.readString(process.toPath().resolve("stat"));
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                if (open < 0 || close < open || !stat.substring(open + 1, close).equals("postgres")) {
                    continue;
                }
                // after the name: state is field 3; utime, stime, cutime, cstime are fields 14 to 17
                String[] fields = stat.substring(close + 2).split(" ");
                for (int field = 14; field <= 17; field++) {
                    ticks += Long.parseLong(fields[field - 3]);
                }
            } catch (java.io.IOException | RuntimeException gone) {
                // the process ended while being read: what it used is in its parent's reaped time
            }
        }
        return ticks * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
    }

    /** Linux's USER_HZ, the unit of {@code /proc/<pid>/stat}'s times: 100 on every architecture the JDK runs on. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    static long currentThreadCpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /**
     * CPU time so far of the live threads of the JDK's HTTP client (its selector and workers, named
     * {@code HttpClient-N-...}), which CXF's clients send and read through: client work on threads other than the
     * benchmark's own.
     */
    static long httpClientThreadsCpuNanos() {
        long total = 0;
        for (java.lang.management.ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("HttpClient-")) {
                total += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }
}
