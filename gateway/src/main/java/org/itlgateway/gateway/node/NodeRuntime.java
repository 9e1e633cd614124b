package org.itlgateway.gateway.node;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    private ScheduledExecutorService loops;

    /**
     * @param duties periodic work of the node (e.g. terminating overdue transactions); answers how much it did
     */
    public NodeRuntime(String code, List<Server> endpoints, InboxProcessor processor, OutboxSender sender, IntSupplier duties) {
        this.code = code;
        this.endpoints = List.copyOf(endpoints);
        this.processor = processor;
        this.sender = sender;
        this.duties = duties;
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

    /** A round in the background: the same, except that deliveries are started and not waited for. */
    private int runInBackground() {
        return part("inbox", processor::processPending)
                + part("duties", duties)
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
     * Runs a round every {@code interval} in the background until closed; deliveries run in the outbox's lanes (a
     * lane per destination), so a slow peer delays neither the inbox, nor the duties, nor the other peers.
     */
    public synchronized void startLoops(Duration interval) {
        if (loops != null) {
            return;
        }
        loops = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "node-" + code);
            thread.setDaemon(true);
            return thread;
        });
        loops.scheduleWithFixedDelay(() -> {
            try {
                runInBackground();
            } catch (RuntimeException e) {
                LOG.error("{}: a round of work failed: {}", code, e.getMessage(), e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (loops != null) {
            loops.shutdownNow();
            try {
                loops.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            loops = null;
        }
        endpoints.forEach(Server::destroy);
        sender.close();
    }
}
