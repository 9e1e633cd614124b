package org.itlgateway.gateway.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.itlgateway.gateway.security.SeenMessages;

/**
 * The signed messages received, in the node's gateway schema ({@code seen_message}): one atomic insert per
 * message (a unique fingerprint, {@code on conflict do nothing}), so of copies arriving together at any number of
 * instances exactly one is first; rows whose time is over are purged at most once a minute by each instance.
 *
 * <p>The insert is one statement, committed on its own as it completes (the connection in auto-commit), without
 * waiting for its own flush to disk ({@code synchronous_commit} set off for that statement's transaction alone, in
 * the statement itself): it is visible to every instance at once, and the server's log is flushed in order, so the
 * durable commit of anything the message leads to (its inbox row, its evidence) makes the row durable first. What a
 * crash of the database can lose is the row of a message that left nothing durable behind (a refusal, a query's
 * answer), within the server's WAL writer delay; such a message, sent again, is refused or answered again, and the
 * inbox's idempotency on the message identity stays the second line. One flush per message is saved, and the insert
 * costs one round trip to the database instead of a transaction's three. It never joins a unit of work: a message
 * is admitted before anything is done with it.
 */
public final class PostgresSeenMessages implements SeenMessages {

    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    /**
     * The insert, setting {@code synchronous_commit} off for its own transaction first ({@code set_config}'s
     * {@code is_local}); it answers the setting its transaction commits with, and no row for a copy seen before.
     */
    private static final String RECORD = "insert into seen_message (fingerprint, signer, seen_at, keep_until)"
            + " select ?, ?, ?, ? from (select set_config('synchronous_commit', 'off', true)) no_flush_of_its_own"
            + " on conflict (fingerprint) do nothing returning current_setting('synchronous_commit')";

    private final DataSource dataSource;
    private final Clock clock;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

    /**
     * @param dataSource the node database's pool, on its gateway schema
     * @param clock      the clock the message timestamps are checked against (the real one: WS-Security checks the
     *                   Timestamp against the system clock, whatever date a simulated network plays)
     */
    public PostgresSeenMessages(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public boolean firstSighting(String fingerprint, String signer, Instant keepUntil) {
        return record(fingerprint, signer, keepUntil).isPresent();
    }

    /**
     * Records a first sighting of {@code fingerprint}; answers the {@code synchronous_commit} setting the row was
     * committed with ({@code off}), or nothing when the message was seen before.
     */
    public Optional<String> record(String fingerprint, String signer, Instant keepUntil) {
        Instant now = clock.instant();
        Instant last = lastPurge.get();
        if (!now.isBefore(last.plus(PURGE_EVERY)) && lastPurge.compareAndSet(last, now)) {
            purgeExpired();
        }
        try (Connection connection = dataSource.getConnection()) {
            commitEachStatement(connection);
            try (PreparedStatement insert = connection.prepareStatement(RECORD)) {
                insert.setString(1, fingerprint);
                insert.setString(2, signer);
                insert.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                insert.setObject(4, OffsetDateTime.ofInstant(keepUntil, ZoneOffset.UTC));
                try (ResultSet inserted = insert.executeQuery()) {
                    return inserted.next() ? Optional.of(inserted.getString(1)) : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the replay store cannot record a message: " + e.getMessage(), e);
        }
    }

    /** Forgets the messages whose time is over; answers how many. */
    public int purgeExpired() {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            commitEachStatement(connection);
            try (PreparedStatement delete = connection.prepareStatement("delete from seen_message where keep_until < ?")) {
                delete.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                return delete.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the replay store cannot forget expired messages: " + e.getMessage(), e);
        }
    }

    /** Each statement on {@code connection} committed on its own, as it completes. */
    private static void commitEachStatement(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.setAutoCommit(true);
        }
    }
}
