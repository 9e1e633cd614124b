package org.itlgateway.simulator.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The most heap the JVM used while a step ran, sampled every few milliseconds, and the most that was still live
 * right after a garbage collection (what the step really kept).
 */
final class HeapPeak implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long maxUsed;
    private volatile long maxLiveAfterGc;

    private HeapPeak() {
        System.gc();
        sampler = new Thread(this::sample, "heap-peak");
        sampler.setDaemon(true);
        sampler.start();
    }

    static HeapPeak start() {
        return new HeapPeak();
    }

    private void sample() {
        while (running) {
            maxUsed = Math.max(maxUsed, memory.getHeapMemoryUsage().getUsed());
            long live = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                    live += pool.getCollectionUsage().getUsed();
                }
            }
            maxLiveAfterGc = Math.max(maxLiveAfterGc, live);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            sampler.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** "used / live after GC" in MB. */
    String describe() {
        return maxUsed / (1024 * 1024) + " MB / " + maxLiveAfterGc / (1024 * 1024) + " MB";
    }
}
