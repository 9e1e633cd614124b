package org.itlgateway.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.NoSuchElementException;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.holding.HeldBlockCursor;

/**
 * Held blocks read one row at a time from an open result set: reads ahead one row so {@link #hasNext} can answer,
 * and closes the result set and its statement at the end or when closed. The store's cursors are these; a module
 * that keeps held blocks in tables of its own (the simulator's reported blocks) reads them with it too.
 */
public final class HeldBlockRows implements HeldBlockCursor {

    /** Turns the current row into a held block. */
    @FunctionalInterface
    public interface RowReader {
        HeldBlock read(ResultSet row) throws SQLException;
    }

    private final PreparedStatement statement;
    private final ResultSet rows;
    private final RowReader reader;
    private final String what;
    private HeldBlock next;
    private boolean closed;

    /**
     * @param what what is read, for error messages (e.g. "the holdings")
     */
    public HeldBlockRows(PreparedStatement statement, ResultSet rows, RowReader reader, String what) throws SQLException {
        this.statement = statement;
        this.rows = rows;
        this.reader = reader;
        this.what = what;
        advance();
    }

    private void advance() throws SQLException {
        next = rows.next() ? reader.read(rows) : null;
        if (next == null) {
            close();
        }
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public HeldBlock next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        HeldBlock current = next;
        try {
            advance();
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + what + " failed: " + e.getMessage(), e);
        }
        return current;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            rows.close();
            statement.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing a cursor over " + what + " failed: " + e.getMessage(), e);
        }
    }
}
