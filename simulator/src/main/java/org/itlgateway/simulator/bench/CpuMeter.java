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
