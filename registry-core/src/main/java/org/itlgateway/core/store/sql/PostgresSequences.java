package org.itlgateway.core.store.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import org.itlgateway.core.Sequences;
import org.itlgateway.core.store.Database;

/**
 * Named counters in the node's database. Taking numbers is one atomic upsert that locks the counter's row until
 * the unit of work ends, so two units of work never get the same number; one that rolls back hands its numbers
 * back together with everything that used them. Each call joins the running unit of work or runs in its own.
 */
public final class PostgresSequences implements Sequences {

    private static final String TAKE = """
            INSERT INTO sequence_counters AS c (name, last_value) VALUES (?, ?)
            ON CONFLICT (name) DO UPDATE SET last_value = c.last_value + EXCLUDED.last_value
            RETURNING c.last_value""";

    private final Database database;

    public PostgresSequences(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public long take(String sequence, long count) {
        Objects.requireNonNull(sequence, "sequence");
        if (count < 1) {
            throw new IllegalArgumentException("take at least one number, not " + count);
        }
        return database.call(() -> database.session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(TAKE)) {
                statement.setString(1, sequence);
                statement.setLong(2, count);
                try (ResultSet last = statement.executeQuery()) {
                    last.next();
                    return last.getLong(1) - count + 1;
                }
            }
        }));
    }
}
