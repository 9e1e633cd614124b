package org.itlgateway.gateway.node.reconciliation;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a stream of items into numbered chunks of at most {@code size}, handing each to a sink as soon as it is
 * known whether another follows, so at most one chunk is held at a time. The last chunk says so; an empty
 * stream gives one empty last chunk.
 */
final class Chunks<T> {

    @FunctionalInterface
    interface Sink<T> {
        void send(int chunkNumber, boolean lastChunk, List<T> items);
    }

    private final int size;
    private final Sink<T> sink;
    private List<T> current;
    private int sent;
    private long items;

    Chunks(int size, Sink<T> sink) {
        this.size = size;
        this.sink = sink;
        this.current = new ArrayList<>(Math.min(size, 1024));
    }

    void add(T item) {
        if (current.size() == size) {
            sink.send(++sent, false, current);
            current = new ArrayList<>(Math.min(size, 1024));
        }
        current.add(item);
        items++;
    }

    /** Sends the last chunk; answers how many chunks were sent in all. */
    int finish() {
        sink.send(++sent, true, current);
        current = List.of();
        return sent;
    }

    long items() {
        return items;
    }
}
