package org.itlgateway.simulator.bench;


import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.itlgateway.simulator.terminal.Progress;

/** Runs a request function from several client threads and measures latency, throughput and server CPU. */
final class LoadRunner {

    /** One client's work: call the {@code i}-th request; each client thread gets its own. */
    interface Client {
        void call(int i) throws Exception;
    }

    private LoadRunner() {
    }

    static Measurement run(String scenario, String algorithm, int clients, int warmup, int requests,
                           IntFunction<Client> clientFactory) throws Exception {
        return run(scenario, algorithm, clients, warmup, requests, clientFactory, false);
    }

    /**
     * @param clientIsServer true when the client threads do the measured work themselves (the crypto floor):
     *                       their CPU then counts as the work's
     */
    static Measurement run(String scenario, String algorithm, int clients, int warmup, int requests,
                           IntFunction<Client> clientFactory, boolean clientIsServer) throws Exception {
        return run(scenario, algorithm, clients, warmup, requests, clientFactory, clientIsServer, () -> { });
    }

    /**
     * @param beforeMeasuring run once the warm-up requests are done and before the measured ones begin (the
     *                        database settled, for example), outside the measurement
     */
    static Measurement run(String scenario, String algorithm, int clients, int warmup, int requests,
                           IntFunction<Client> clientFactory, boolean clientIsServer, Runnable beforeMeasuring)
            throws Exception {
        Sample sample = sample(scenario + " (" + algorithm + ")", clients, warmup, requests, clientFactory, clientIsServer,
                beforeMeasuring);
        return Measurement.of(scenario, algorithm, sample.latencyNanos(), sample.wallNanos(), sample.serverCpuNanos(),
                sample.databaseCpuNanos());
    }

    /**
     * What one run measured, before it is summed up: each request's latency, the wall-clock time, the server's CPU,
     * the PostgreSQL processes' CPU (-1 when not known).
     */
    record Sample(long[] latencyNanos, long wallNanos, long serverCpuNanos, long databaseCpuNanos) {
    }

    /** One run of {@code requests} measured requests after {@code warmup} unmeasured ones, as measured. */
    static Sample sample(String label, int clients, int warmup, int requests, IntFunction<Client> clientFactory,
                         boolean clientIsServer) throws Exception {
        return sample(label, clients, warmup, requests, clientFactory, clientIsServer, () -> { });
    }

    /** The same, with {@code beforeMeasuring} run between the warm-up and the measured requests. */
    static Sample sample(String label, int clients, int warmup, int requests, IntFunction<Client> clientFactory,
                         boolean clientIsServer, Runnable beforeMeasuring) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[requests];
        java.util.concurrent.atomic.AtomicLong clientCpu = new java.util.concurrent.atomic.AtomicLong();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CyclicBarrier warmedUp = new CyclicBarrier(clients + 1);
        CyclicBarrier measuring = new CyclicBarrier(clients + 1);
        CountDownLatch done = new CountDownLatch(clients);
        Progress progress = Progress.of(label, requests);
        for (int c = 0; c < clients; c++) {
            int clientNumber = c;
            Thread thread = new Thread(() -> {
                try {
                    Client client = clientFactory.apply(clientNumber);
                    for (int i = clientNumber; i < warmup; i += clients) {
                        client.call(-1 - i);
                    }
                    warmedUp.await();
                    measuring.await();
                    long cpuStart = CpuMeter.currentThreadCpuNanos();
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        client.call(i);
                        latencies[i] = System.nanoTime() - start;
                        progress.step();
                    }
                    clientCpu.addAndGet(CpuMeter.currentThreadCpuNanos() - cpuStart);
                } catch (Throwable e) {
                    failures.add(e);
                    try {
                        warmedUp.reset();
                        measuring.reset();
                    } catch (RuntimeException ignored) {
                        // the other threads see the broken barrier
                    }
                } finally {
                    done.countDown();
                }
            }, "bench-client-" + c);
            thread.start();
        }
        warmedUp.await();
        beforeMeasuring.run();
        System.gc();
        long cpuBefore = CpuMeter.processCpuNanos();
        long databaseBefore = CpuMeter.databaseCpuNanos();
        long transportBefore = CpuMeter.httpClientThreadsCpuNanos();
        long wallBefore = System.nanoTime();
        measuring.await();
        done.await();
        long wall = System.nanoTime() - wallBefore;
        long databaseAfter = CpuMeter.databaseCpuNanos();
        progress.close();
        long clientTransport = CpuMeter.httpClientThreadsCpuNanos() - transportBefore;
        long cpu = clientIsServer ? clientCpu.get()
                : CpuMeter.processCpuNanos() - cpuBefore - clientCpu.get() - Math.max(0, clientTransport);
        if (!failures.isEmpty()) {
            throw new IllegalStateException(label + " failed: " + failures.peek(), failures.peek());
        }
        return new Sample(latencies, wall, cpu, databaseBefore < 0 || databaseAfter < 0 ? -1 : databaseAfter - databaseBefore);
    }

}
