package org.itlgateway.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import java.util.function.Function;
import org.itlgateway.core.holding.HoldingStore;
import org.itlgateway.core.holding.InMemoryHoldingStore;
import org.itlgateway.core.holding.Ledger;
import org.itlgateway.core.store.sql.PostgresHoldings;

/** A ledger on one kind of store, emptied before each test, with each operation run in a unit of work of its own. */
abstract class LedgerBench implements AutoCloseable {

    private final String name;
    protected Ledger ledger;

    LedgerBench(String name) {
        this.name = name;
    }

    static LedgerBench inMemory() {
        return new LedgerBench("in memory") {
            @Override
            void empty() {
                ledger = new Ledger(new InMemoryHoldingStore());
            }

            @Override
            <T> T apply(Function<Ledger, T> operation) {
                return operation.apply(ledger);
            }

            @Override
            public void close() {
            }
        };
    }

    static LedgerBench postgres() {
        Database database = TestPostgres.open();
        HoldingStore store = new PostgresHoldings(database);
        return new LedgerBench("on PostgreSQL") {
            @Override
            void empty() {
                try (Connection connection = database.dataSource().getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("TRUNCATE held_pieces");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                ledger = new Ledger(store);
            }

            @Override
            <T> T apply(Function<Ledger, T> operation) {
                return database.call(() -> operation.apply(ledger));
            }

            @Override
            public void close() {
                TestPostgres.drop(database);
            }
        };
    }

    /** Starts again with no holdings. */
    abstract void empty();

    /** Runs one operation on the ledger, in a unit of work where the store needs one. */
    abstract <T> T apply(Function<Ledger, T> operation);

    void accept(Consumer<Ledger> operation) {
        apply(l -> {
            operation.accept(l);
            return null;
        });
    }

    @Override
    public abstract void close();

    @Override
    public String toString() {
        return name;
    }
}
