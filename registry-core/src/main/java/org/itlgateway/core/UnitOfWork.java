package org.itlgateway.core;

import java.util.function.Supplier;

/**
 * Runs a piece of work so that every change it makes to the stored facts is kept together or not at all. A
 * piece of work started while another runs on the same thread joins it; an exception thrown out of the work
 * undoes all of it.
 */
public interface UnitOfWork {

    /** Runs {@code work} and answers its result once its changes are kept. */
    <T> T call(Supplier<T> work);

    /** Runs {@code work}; its changes are kept when it returns normally. */
    default void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
