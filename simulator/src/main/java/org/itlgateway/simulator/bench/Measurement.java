package org.itlgateway.simulator.bench;

import java.util.Arrays;

/**
 * What one benchmark run measured.
 *
 * @param scenario       what was measured
 * @param algorithm      the signing key type
 * @param requests       measured requests (after warm-up)
 * @param seconds        wall-clock time of the measured requests
 * @param p50Millis      median latency
 * @param p99Millis      99th percentile latency
 * @param serverCpuMillisPerRequest CPU time of the server side per request (the process minus the client threads)
 * @param databaseCpuMillisPerRequest CPU time of the PostgreSQL processes per request, NaN when not measured
 */
public record Measurement(String scenario, String algorithm, int requests, double seconds, double p50Millis,
                          double p99Millis, double serverCpuMillisPerRequest, double databaseCpuMillisPerRequest) {

    public double requestsPerSecond() {
        return requests / seconds;
    }

    /** With {@code databaseCpuNanos} -1 when the database's CPU was not measured. */
    static Measurement of(String scenario, String algorithm, long[] latencyNanos, long wallNanos, long serverCpuNanos,
                          long databaseCpuNanos) {
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        return new Measurement(scenario, algorithm, sorted.length, wallNanos / 1e9,
                percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6, serverCpuNanos / 1e6 / sorted.length,
                databaseCpuNanos < 0 ? Double.NaN : databaseCpuNanos / 1e6 / sorted.length);
    }

    private static long percentile(long[] sorted, double fraction) {
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    public String markdownRow() {
        return String.format(java.util.Locale.ROOT, "| %s | %s | %d | %.0f | %.2f | %.2f | %.2f | %s |", scenario,
                algorithm, requests, requestsPerSecond(), p50Millis, p99Millis, serverCpuMillisPerRequest,
                Double.isNaN(databaseCpuMillisPerRequest) ? "" : String.format(java.util.Locale.ROOT, "%.2f",
                        databaseCpuMillisPerRequest));
    }

    public static String markdownHeader() {
        return "| Scenario | Key | Requests | Requests/s | p50 ms | p99 ms | Server CPU ms/request | Database CPU ms/request |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|";
    }
}
