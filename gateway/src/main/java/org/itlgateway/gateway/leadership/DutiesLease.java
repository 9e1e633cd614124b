package org.itlgateway.gateway.leadership;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of the gateway instances sharing one registry's database does the registry's duties (terminating overdue
 * transactions, asking the ITL for the status of quiet ones): the one holding a PostgreSQL session-level advisory
 * lock on a key of the registry's schema, taken with {@code pg_try_advisory_lock} on a connection of the lease's
 * own, outside any pool.
 *
 * <p>{@link #holds()} is asked before every round of duties. It tries to take the lock when it is not held here,
 * and checks that it still is when it is: the lock lasts as long as the session, so when the connection is lost
 * (the server restarted, the session was terminated) the lease is lost too, and the server has released the lock
 * for another instance. When the holding process dies ({@code kill -9} included), the server ends its session and
 * releases the lock; the next instance to ask takes it over. Inbox processing and outbox delivery need no lease:
 * they claim their work row by row.
 */
public final class DutiesLease implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DutiesLease.class);
    /**
     * The first half of every key of this lease: "ITLD" in ASCII, so it is told apart from other advisory locks. In
     * {@code pg_locks} the lease is the advisory lock with this {@code classid}, {@link #keyOf} as {@code objid}, and
     * {@code objsubid} 2.
     */
    public static final int KEY_SPACE = 0x49544C44;
    private static final int VALIDITY_SECONDS = 5;

    private final DataSource sessions;
    private final String schema;
    private final int key;
    private Connection session;
    private boolean held;
    private boolean closed;

    /**
     * @param sessions opens connections outside any pool: the lock is held by the session of one of them
     * @param schema   the registry's schema; instances on the same schema share one lease
     */
    public DutiesLease(DataSource sessions, String schema) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.key = keyOf(schema);
    }

    /** The second half of the key: a stable hash (FNV-1a) of the schema's name. */
    public static int keyOf(String schema) {
        int hash = 0x811c9dc5;
        for (byte b : schema.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x01000193;
        }
        return hash;
    }

    /**
     * True when this instance holds the lease now: taken now or before, and its session still alive. False when
     * another instance holds it or the database cannot be reached.
     */
    public synchronized boolean holds() {
        if (closed) {
            return false;
        }
        if (held) {
            if (stillHeld()) {
                return true;
            }
            LOG.warn("{}: the lease on the registry's duties was lost with its database session", schema);
            drop();
        }
        try {
            if (session == null || !session.isValid(VALIDITY_SECONDS)) {
                drop();
                session = sessions.getConnection();
                session.setAutoCommit(true);
            }
            held = tryLock();
            if (held) {
                LOG.info("{}: this instance now does the registry's duties (advisory lock {}/{})", schema, KEY_SPACE, key);
            }
            return held;
        } catch (SQLException e) {
            LOG.warn("{}: cannot ask the database for the lease on the registry's duties: {}", schema, e.getMessage());
            drop();
            return false;
        }
    }

    private boolean tryLock() throws SQLException {
        try (PreparedStatement statement = session.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            statement.setInt(1, KEY_SPACE);
            statement.setInt(2, key);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    /** Asks the server whether this session still holds the lock (a round trip: a dead session fails it). */
    private boolean stillHeld() {
        String sql = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid()"
                + " AND classid = ?::oid AND objid = ?::oid AND objsubid = 2";
        try (PreparedStatement statement = session.prepareStatement(sql)) {
            statement.setLong(1, Integer.toUnsignedLong(KEY_SPACE));
            statement.setLong(2, Integer.toUnsignedLong(key));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1) > 0;
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private void drop() {
        if (held && session != null) {
            // given up in so many words: closing the session alone lets the server release the lock only once the
            // session has ended, after this returns, so the next instance to ask could still find it taken
            try (PreparedStatement statement = session.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
                statement.setInt(1, KEY_SPACE);
                statement.setInt(2, key);
                statement.execute();
            } catch (SQLException e) {
                LOG.debug("{}: releasing the lease failed (its session ends anyway): {}", schema, e.getMessage());
            }
        }
        held = false;
        if (session != null) {
            try {
                session.close(); // ends the session, and with it the lock if the server still had it
            } catch (SQLException e) {
                LOG.debug("{}: closing the lease's session failed: {}", schema, e.getMessage());
            }
            session = null;
        }
    }

    /** Gives the lease up: the session ends and another instance may take it. */
    @Override
    public synchronized void close() {
        closed = true;
        if (held) {
            LOG.info("{}: this instance gives up the registry's duties", schema);
        }
        drop();
    }
}
