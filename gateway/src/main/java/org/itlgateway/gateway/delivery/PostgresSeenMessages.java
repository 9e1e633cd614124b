package org.itlgateway.gateway.delivery;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.itlgateway.gateway.security.SeenMessages;

/**
 * The signed messages received, in the node's gateway schema ({@code seen_message}): one atomic insert per
 * message (a unique fingerprint, {@code on conflict do nothing}), so of copies arriving together at any number of
 * instances exactly one is first; rows whose time is over are purged at most once a minute by each instance.
 *
 * <p>The insert commits without waiting for its own flush to disk ({@code synchronous_commit off} for that
 * transaction alone): it is visible to every instance at once, and the server's log is flushed in order, so the
 * durable commit of anything the message leads to (its inbox row, its evidence) makes the row durable first. What a
 * crash of the database can lose is the row of a message that left nothing durable behind (a refusal, a query's
 * answer), within the server's WAL writer delay; such a message, sent again, is refused or answered again, and the
 * inbox's idempotency on the message identity stays the second line. One flush per message is saved.
 */
public final class PostgresSeenMessages implements SeenMessages {

    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final Transactor transactor;
    private final Clock clock;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

    /**
     * @param clock the clock the message timestamps are checked against (the real one: WS-Security checks the
     *              Timestamp against the system clock, whatever date a simulated network plays)
     */
    public PostgresSeenMessages(Transactor transactor, Clock clock) {
        this.transactor = transactor;
        this.clock = clock;
    }

    @Override
    public boolean firstSighting(String fingerprint, String signer, Instant keepUntil) {
        Instant now = clock.instant();
        Instant last = lastPurge.get();
        if (!now.isBefore(last.plus(PURGE_EVERY)) && lastPurge.compareAndSet(last, now)) {
            purgeExpired();
        }
        return transactor.inTransaction(connection -> {
            try (java.sql.Statement commitWithoutWaiting = connection.createStatement()) {
                // no flush of its own: see the class comment
                commitWithoutWaiting.execute("set local synchronous_commit to off");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into seen_message (fingerprint, signer, seen_at, keep_until) values (?, ?, ?, ?) "
                    + "on conflict (fingerprint) do nothing")) {
                insert.setString(1, fingerprint);
                insert.setString(2, signer);
                insert.setTimestamp(3, Timestamp.from(now));
                insert.setTimestamp(4, Timestamp.from(keepUntil));
                return insert.executeUpdate() == 1;
            }
        });
    }

    /** Forgets the messages whose time is over; answers how many. */
    public int purgeExpired() {
        Instant now = clock.instant();
        return transactor.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("delete from seen_message where keep_until < ?")) {
                delete.setTimestamp(1, Timestamp.from(now));
                return delete.executeUpdate();
            }
        });
    }
}
