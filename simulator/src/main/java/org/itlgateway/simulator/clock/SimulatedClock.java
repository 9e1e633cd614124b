package org.itlgateway.simulator.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The network's one clock. Testers set it or move it forward; every node reads it, and whatever waits for a
 * time (24-hour terminations, retries, scheduled reconciliations) is told when it moves.
 */
public final class SimulatedClock extends Clock {

    private final List<Consumer<Instant>> listeners = new CopyOnWriteArrayList<>();
    private volatile Instant base;
    private volatile long realBase;
    private volatile boolean running;

    /** A clock standing at {@code start}: it moves only when set or advanced. */
    public SimulatedClock(Instant start) {
        this.base = start;
    }

    /** From now on the clock also moves with real time (for a live network); set and advance still apply. */
    public synchronized void run() {
        base = instant();
        realBase = System.nanoTime();
        running = true;
    }

    /** The clock stops moving with real time. */
    public synchronized void freeze() {
        base = instant();
        running = false;
    }

    public boolean isRunning() {
        return running;
    }

    /** Sets the time; it may go back (for a new scenario), and listeners are told. */
    public void set(Instant instant) {
        synchronized (this) {
            base = instant;
            realBase = System.nanoTime();
        }
        listeners.forEach(listener -> listener.accept(instant));
    }

    public Instant advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the clock moves forward only; use set to go back");
        }
        Instant next = instant().plus(duration);
        set(next);
        return next;
    }

    /** Called with the new time whenever the clock is set or advanced. */
    public void onChange(Consumer<Instant> listener) {
        listeners.add(listener);
    }

    @Override
    public Instant instant() {
        return running ? base.plusNanos(System.nanoTime() - realBase) : base;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
