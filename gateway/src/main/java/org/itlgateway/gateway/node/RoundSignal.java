package org.itlgateway.gateway.node;

import java.time.Duration;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.wire.MessageReceiver;

/**
 * Tells a node's background loop that there is work now: a message taken into its inbox is processed by a round
 * started at once, not at the next tick of the round interval (which stays the longest a loop waits, for the work
 * that falls due by time: retries, duties). Wake-ups during a round make one more round, not one each.
 */
public final class RoundSignal {

    private boolean pending;

    /** There is work: the loop runs a round as soon as the one under way, if any, is over. */
    public synchronized void wake() {
        pending = true;
        notifyAll();
    }

    /**
     * Waits until woken or until {@code atMost} has passed, whichever comes first, and clears the signal.
     *
     * @return whether it was woken (there is work), not only timed out
     * @throws InterruptedException when the loop is being stopped
     */
    synchronized boolean await(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!pending) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        boolean woken = pending;
        pending = false;
        return woken;
    }

    /** The receiver, waking the loop after each message it took into the inbox. */
    public MessageReceiver wakingAfter(MessageReceiver receiver) {
        return message -> {
            Receipt receipt = receiver.receive(message);
            if (receipt.accepted() && !message.operation().isQuery()) {
                wake();
            }
            return receipt;
        };
    }
}
