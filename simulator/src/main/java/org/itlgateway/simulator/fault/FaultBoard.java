package org.itlgateway.simulator.fault;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/** The faults set on the network's nodes, at most one per node; clearing one releases requests it holds. */
public final class FaultBoard {

    private final Map<String, PeerFault> faults = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> releases = new ConcurrentHashMap<>();

    public void set(String node, PeerFault fault) {
        clear(node);
        releases.put(node, new CountDownLatch(1));
        faults.put(node, fault);
    }

    public void clear(String node) {
        faults.remove(node);
        CountDownLatch release = releases.remove(node);
        if (release != null) {
            release.countDown();
        }
    }

    public void clearAll() {
        faults.keySet().forEach(this::clear);
    }

    public Optional<PeerFault> of(String node) {
        return Optional.ofNullable(faults.get(node));
    }

    public Map<String, PeerFault> all() {
        return Map.copyOf(faults);
    }

    /** What a held request waits on: released when the node's fault is cleared. */
    CountDownLatch releaseOf(String node) {
        return releases.getOrDefault(node, new CountDownLatch(0));
    }
}
