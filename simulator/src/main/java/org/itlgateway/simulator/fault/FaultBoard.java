package org.itlgateway.simulator.fault;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * The faults set on the network's nodes, at most one per node, and the fault rules ({@link FaultRules}); clearing one
 * releases requests it holds.
 */
public final class FaultBoard {

    private final Map<String, PeerFault> faults = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> releases = new ConcurrentHashMap<>();
    private final FaultRules rules;

    /** A board without faults; the rules' chances are drawn from {@code seed}. */
    public FaultBoard(long seed) {
        this.rules = new FaultRules(seed);
    }

    public FaultBoard() {
        this(0);
    }

    /** The fault rules a tester adds, each matching a node's messages one way and one operation (or any). */
    public FaultRules rules() {
        return rules;
    }

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

    /** Clears every node's fault and every rule. */
    public void clearAll() {
        faults.keySet().forEach(this::clear);
        rules.clear();
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
