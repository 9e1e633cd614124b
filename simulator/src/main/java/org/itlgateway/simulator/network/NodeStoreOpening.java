package org.itlgateway.simulator.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the nodes' stores side by side: each node's schema is migrated and its session factory built on its own
 * connections, and much of that time is spent waiting on the database server, so a few at once start the network
 * in less time than one after the other.
 */
final class NodeStoreOpening {

    /** How many nodes are opened at once. */
    static final int AT_ONCE = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors() * 2));

    private static final Logger LOG = LoggerFactory.getLogger(NodeStoreOpening.class);

    private NodeStoreOpening() {
    }

    /**
     * Opens what each node needs, at most {@link #AT_ONCE} at a time, and answers them in the nodes' order. If one
     * fails, every one that opened is closed once all have finished, and the first failure (in the nodes' order)
     * is thrown.
     */
    static <N, S extends AutoCloseable> Map<N, S> openAll(List<N> nodes, Function<N, S> open) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(AT_ONCE, nodes.size())), runnable -> {
            Thread thread = new Thread(runnable, "node-store-opening");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<S>> opening = new ArrayList<>();
            for (N node : nodes) {
                opening.add(pool.submit(() -> open.apply(node)));
            }
            Map<N, S> opened = new LinkedHashMap<>();
            Throwable failure = null;
            for (int i = 0; i < nodes.size(); i++) {
                try {
                    opened.put(nodes.get(i), waitFor(opening.get(i)));
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                }
            }
            if (failure == null) {
                return opened;
            }
            opened.values().forEach(NodeStoreOpening::closeQuietly);
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a node's stores could not be opened", failure);
        } finally {
            pool.shutdown();
        }
    }

    /** Waits for one opening to finish, even when interrupted (what it opened must not be left open). */
    private static <S> S waitFor(Future<S> opening) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return opening.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(AutoCloseable stores) {
        try {
            stores.close();
        } catch (Exception e) {
            LOG.warn("closing a node's stores after another failed to open: {}", e.toString());
        }
    }
}
