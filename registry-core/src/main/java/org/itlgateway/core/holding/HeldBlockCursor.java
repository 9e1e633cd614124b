package org.itlgateway.core.holding;

import java.util.Iterator;

/**
 * Pieces read one at a time from an open database cursor, in the order of originating registry and serial
 * number. Close it when done; it is valid only inside the unit of work that opened it.
 */
public interface HeldBlockCursor extends Iterator<HeldBlock>, AutoCloseable {

    @Override
    void close();
}
