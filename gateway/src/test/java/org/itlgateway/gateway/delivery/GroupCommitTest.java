package org.itlgateway.gateway.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.itlgateway.core.store.Database;
import org.itlgateway.gateway.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Concurrent callers share a commit: what waited while one was under way goes in the next transaction together,
 * each caller answered after that commit; one failing work fails alone. On the production transactor and a real
 * PostgreSQL; each work records the transaction it ran in.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GroupCommitTest {

    private String schema;
    private Database database;
    private Transactor transactor;
    private final ExecutorService callers = Executors.newFixedThreadPool(5);

    @BeforeEach
    void openTheDatabase() {
        schema = TestDatabase.freshSchemaName();
        database = TestDatabase.open(schema, 4);
        transactor = TestDatabase.transactor(database);
        transactor.inTransaction(connection -> {
            try (Statement create = connection.createStatement()) {
                create.execute("create table kept (caller text primary key, transaction_id bigint not null)");
            }
            return null;
        });
    }

    @AfterEach
    void close() {
        callers.shutdownNow();
        database.close();
    }

    @Test
    void aCallerAloneIsCommittedInATransactionOfItsOwn() {
        GroupCommit commit = new GroupCommit(transactor);

        long transaction = commit.inTransaction(connection -> keep(connection, "alone"));

        assertEquals(List.of("alone"), keptIn(transaction));
        assertEquals(1, commit.transactions());
        assertEquals(1, commit.works());
    }

    @Test
    void worksThatWaitedWhileACommitWasUnderWayAreCommittedTogetherInTheNextTransaction() throws Exception {
        GroupCommit commit = new GroupCommit(transactor);
        CountDownLatch release = new CountDownLatch(1);
        Future<Long> first = startHeldUntil(commit, "first", release);

        List<Future<Long>> later = List.of(queued(commit, "b"), queued(commit, "c"), queued(commit, "d"));
        release.countDown();

        long firstTransaction = first.get();
        Set<Long> laterTransactions = new HashSet<>();
        for (Future<Long> caller : later) {
            laterTransactions.add(caller.get());
        }
        assertEquals(1, laterTransactions.size(), "b, c and d shared one transaction");
        long shared = laterTransactions.iterator().next();
        assertNotEquals(firstTransaction, shared);
        assertEquals(List.of("b", "c", "d"), keptIn(shared));
        assertEquals(List.of("first"), keptIn(firstTransaction));
        assertEquals(2, commit.transactions());
        assertEquals(4, commit.works());
        assertEquals(0, commit.groupsFailed());
    }

    @Test
    void aWorkThatFailsInASharedTransactionFailsAloneAndTheOthersAreCommitted() throws Exception {
        GroupCommit commit = new GroupCommit(transactor);
        CountDownLatch release = new CountDownLatch(1);
        Future<Long> first = startHeldUntil(commit, "first", release);

        Future<Long> b = queued(commit, "b");
        // the same caller again: its row's key is taken, so this work fails wherever it runs
        Future<Long> again = queued(commit, "first");
        Future<Long> d = queued(commit, "d");
        release.countDown();

        first.get();
        ExecutionException failed = assertThrows(ExecutionException.class, again::get);
        assertTrue(String.valueOf(causes(failed)).contains("duplicate key"), String.valueOf(causes(failed)));
        long bTransaction = b.get();
        long dTransaction = d.get();
        assertNotEquals(bTransaction, dTransaction, "after the shared transaction failed, each ran alone");
        assertEquals(List.of("b"), keptIn(bTransaction));
        assertEquals(List.of("d"), keptIn(dTransaction));
        assertEquals(3, count());
        assertEquals(1, commit.groupsFailed());
        // the first's, the failed group's, then b's, the failing work's and d's alone
        assertEquals(5, commit.transactions());
    }

    @Test
    void aGroupTakesNoMoreThanItsLimitAndTheRestGoInTheNextCommit() throws Exception {
        GroupCommit commit = new GroupCommit(transactor, 2);
        CountDownLatch release = new CountDownLatch(1);
        Future<Long> first = startHeldUntil(commit, "first", release);

        Future<Long> b = queued(commit, "b");
        Future<Long> c = queued(commit, "c");
        Future<Long> d = queued(commit, "d");
        release.countDown();

        first.get();
        assertEquals(b.get(), c.get(), "the first two that waited went together");
        assertNotEquals(c.get(), d.get());
        assertEquals(List.of("d"), keptIn(d.get()));
        assertEquals(3, commit.transactions());
        assertEquals(4, commit.works());
    }

    /** A caller whose work, once in its transaction, holds the commit until {@code release}. */
    private Future<Long> startHeldUntil(GroupCommit commit, String caller, CountDownLatch release) throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        Future<Long> started = callers.submit(() -> commit.inTransaction(connection -> {
            long transaction = keep(connection, caller);
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return transaction;
        }));
        inside.await();
        return started;
    }

    /**
     * A caller whose work is handed over, returned once it waits for the next commit behind the ones before it (so
     * the order callers are started in is the order of their works).
     */
    private Future<Long> queued(GroupCommit commit, String caller) {
        int before = commit.waiting();
        Future<Long> started = callers.submit(() -> commit.inTransaction(connection -> keep(connection, caller)));
        while (commit.waiting() <= before) {
            Thread.onSpinWait();
        }
        return started;
    }

    private static long keep(Connection connection, String caller) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into kept (caller, transaction_id) values (?, txid_current()) returning transaction_id")) {
            insert.setString(1, caller);
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The callers whose rows were committed by {@code transaction}, in order, read in a transaction of its own. */
    private List<String> keptIn(long transaction) {
        return transactor.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select caller from kept where transaction_id = ? order by caller")) {
                select.setLong(1, transaction);
                List<String> callersKept = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        callersKept.add(rows.getString(1));
                    }
                }
                return callersKept;
            }
        });
    }

    private int count() {
        return transactor.inTransaction(connection -> {
            try (Statement select = connection.createStatement(); ResultSet rows = select.executeQuery("select count(*) from kept")) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    private static List<String> causes(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.add(String.valueOf(cause.getMessage()));
        }
        return messages;
    }
}
