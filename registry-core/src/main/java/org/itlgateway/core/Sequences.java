package org.itlgateway.core;

/** Named counters that never hand out a number twice (transaction sequence numbers, serial numbers ...). */
public interface Sequences {

    /** The next {@code count} numbers of the sequence, as the first of them; a new sequence starts at 1. */
    long take(String sequence, long count);

    /** The next number of the sequence. */
    default long next(String sequence) {
        return take(sequence, 1);
    }
}
