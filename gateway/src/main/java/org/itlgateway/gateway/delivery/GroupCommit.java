package org.itlgateway.gateway.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Commits the work of concurrent callers together: each caller's work waits while a commit is under way, and the
 * next commit takes every work that waited, in one transaction, in the order they came. Each caller is answered
 * only once the transaction holding its work has committed, so what it answers is as durable as with a transaction
 * of its own; a caller alone is not kept waiting for company.
 * <p>
 * When a shared transaction fails (one work throws, or the commit does), nothing of it is kept and each of its works
 * runs again alone: one caller's failure stays its own, and the others' works commit as if they had come alone.
 * Works must therefore have no effect outside the transaction they are given (they may run twice), and must take
 * finding their own work already committed as a transaction of their own would: a commit whose outcome is unknown
 * (the connection lost as it committed) runs them again alone too. The inbox's duplicate detection does exactly that.
 */
public final class GroupCommit implements Transactor {

    /** Most works one transaction takes; the rest wait for the next commit. */
    public static final int DEFAULT_MOST_PER_GROUP = 64;

    private final Transactor transactor;
    private final int mostPerGroup;
    private final ReentrantLock committing = new ReentrantLock();
    private final ConcurrentLinkedQueue<Pending<?>> waiting = new ConcurrentLinkedQueue<>();
    private final LongAdder transactions = new LongAdder();
    private final LongAdder works = new LongAdder();
    private final LongAdder groupsFailed = new LongAdder();

    public GroupCommit(Transactor transactor) {
        this(transactor, DEFAULT_MOST_PER_GROUP);
    }

    public GroupCommit(Transactor transactor, int mostPerGroup) {
        if (mostPerGroup < 1) {
            throw new IllegalArgumentException("a group takes at least one work, not " + mostPerGroup);
        }
        this.transactor = transactor;
        this.mostPerGroup = mostPerGroup;
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        Pending<T> pending = new Pending<>(work);
        waiting.add(pending);
        committing.lock();
        try {
            // Whoever holds the lock commits what waits, this caller's work among it or, when more waited than a
            // group takes, in a later group this loop commits.
            while (!pending.done) {
                commitWaiting();
            }
        } finally {
            committing.unlock();
        }
        return pending.answer();
    }

    /** Works waiting for the next commit (a commit is under way). */
    public int waiting() {
        return waiting.size();
    }

    /** Transactions committed or tried so far (a group that failed and the alone runs after it each count). */
    public long transactions() {
        return transactions.sum();
    }

    /** Works answered so far. */
    public long works() {
        return works.sum();
    }

    /** Shared transactions that failed, whose works then ran alone. */
    public long groupsFailed() {
        return groupsFailed.sum();
    }

    private void commitWaiting() {
        List<Pending<?>> group = new ArrayList<>();
        for (Pending<?> next; group.size() < mostPerGroup && (next = waiting.poll()) != null; ) {
            group.add(next);
        }
        works.add(group.size());
        if (group.size() == 1) {
            group.get(0).runAlone(transactor);
            transactions.increment();
            return;
        }
        try {
            transactions.increment();
            transactor.inTransaction(connection -> {
                for (Pending<?> pending : group) {
                    pending.runIn(connection);
                }
                return null;
            });
        } catch (RuntimeException | Error groupFailed) {
            groupsFailed.increment();
            for (Pending<?> pending : group) {
                pending.runAlone(transactor);
                transactions.increment();
            }
            return;
        }
        group.forEach(Pending::committed);
    }

    /** One caller's work, its answer once committed; read and written only under the commit lock. */
    private static final class Pending<T> {

        private final SqlWork<T> work;
        private T provisional;
        private T result;
        private Throwable failure;
        private boolean done;

        Pending(SqlWork<T> work) {
            this.work = work;
        }

        void runIn(Connection connection) throws SQLException {
            provisional = work.run(connection);
        }

        void committed() {
            result = provisional;
            done = true;
        }

        void runAlone(Transactor transactor) {
            try {
                result = transactor.inTransaction(work);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            done = true;
        }

        T answer() {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return result;
        }
    }
}
