package org.itlgateway.gateway.node;

import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;
import org.apache.cxf.endpoint.Server;
import org.itlgateway.gateway.delivery.InboxProcessor;
import org.itlgateway.gateway.delivery.OutboxSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The moving parts of one node: its published endpoints, its inbox processor, its outbox sender and its periodic
 * duties (overdue sweeps). {@link #runOnce()} does one round of all the work that is due, so tests and scripted
 * scenarios drive a node step by step; {@link #startLoops} runs rounds in the background for a live network.
 */
public final class NodeRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeRuntime.class);

    private final String code;
    private final List<Server> endpoints;
    private final InboxProcessor processor;
    private final OutboxSender sender;
    private final IntSupplier duties;
    private final RoundSignal signal;
    private Thread loop;

    /**
     * @param duties periodic work of the node (e.g. terminating overdue transactions); answers how much it did
     */
    public NodeRuntime(String code, List<Server> endpoints, InboxProcessor processor, OutboxSender sender, IntSupplier duties) {
        this(code, endpoints, processor, sender, duties, new RoundSignal());
    }

    /**
     * @param signal what wakes the background loop when there is work (the endpoints' receiver wakes it after each
     *               message it took into the inbox: {@link RoundSignal#wakingAfter})
     */
    public NodeRuntime(String code, List<Server> endpoints, InboxProcessor processor, OutboxSender sender, IntSupplier duties,
                       RoundSignal signal) {
        this.code = code;
        this.endpoints = List.copyOf(endpoints);
        this.processor = processor;
        this.sender = sender;
        this.duties = duties;
        this.signal = signal;
    }

    public String code() {
        return code;
    }

    /**
     * Processes the inbox, does the node's duties, and delivers what is due (waiting for the deliveries); answers
     * how much work was done. A part that fails is logged with its stack trace and does not stop the others.
     */
    public int runOnce() {
        return part("inbox", processor::processPending)
                + part("duties", duties)
                + part("outbox", sender::deliverDue);
    }

    /**
     * A round in the background: the same, except that deliveries are started and not waited for, and the duties
     * (sweeps by time) are left to the rounds that come at least {@code interval} after their last run, not done
     * again in each round a message woke.
     */
    private int runInBackground(boolean dutiesDue) {
        return part("inbox", processor::processPending)
                + (dutiesDue ? part("duties", duties) : 0)
                + part("outbox", sender::dispatchDue);
    }

    private int part(String name, IntSupplier work) {
        try {
            return work.getAsInt();
        } catch (RuntimeException e) {
            LOG.error("{}: the {} part of a round of work failed", code, name, e);
            return 0;
        }
    }

    /**
     * Runs rounds in the background until closed: one as soon as the node's signal says there is work (a message
     * taken into the inbox), and one at the latest {@code interval} after the last (for what falls due by time);
     * deliveries run in the outbox's lanes (a lane per destination), so a slow peer delays neither the inbox, nor the
     * duties, nor the other peers.
     */
    public synchronized void startLoops(Duration interval) {
        if (loop != null) {
            return;
        }
        long intervalNanos = interval.toNanos();
        loop = new Thread(() -> {
            long lastDuties = System.nanoTime() - intervalNanos;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    boolean dutiesDue = System.nanoTime() - lastDuties >= intervalNanos;
                    if (dutiesDue) {
                        lastDuties = System.nanoTime();
                    }
                    runInBackground(dutiesDue);
                } catch (RuntimeException e) {
                    LOG.error("{}: a round of work failed: {}", code, e.getMessage(), e);
                }
                try {
                    signal.await(interval);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "node-" + code);
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public synchronized void close() {
        if (loop != null) {
            loop.interrupt();
            try {
                loop.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            loop = null;
        }
        endpoints.forEach(Server::destroy);
        sender.close();
    }
}
