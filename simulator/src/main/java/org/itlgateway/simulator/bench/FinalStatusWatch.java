package org.itlgateway.simulator.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;

/**
 * Waits for transactions of one registry to reach a final status, for a benchmark's proposers: one thread looks every
 * 20 ms at all the transactions awaited, in one query, so that waiting costs the machine under measurement one small
 * query per look instead of one per proposer (eight proposers each looking for itself took a tenth of the network's
 * CPU in a flight recording).
 */
final class FinalStatusWatch implements AutoCloseable {

    private static final long LOOK_EVERY_MILLIS = 20;
    private static final long PATIENCE_MINUTES = 10;

    private static final Integer[] FINAL_CODES = java.util.Arrays.stream(TransactionStatus.values())
            .filter(TransactionStatus::isFinal).map(TransactionStatus::code).toArray(Integer[]::new);

    private final DataSource registry;
    private final Map<String, CompletableFuture<TransactionStatus>> awaited = new ConcurrentHashMap<>();
    private final Thread looker;
    private volatile boolean closed;

    FinalStatusWatch(DataSource registry) {
        this.registry = registry;
        this.looker = new Thread(this::look, "bench-final-status-watch");
        looker.setDaemon(true);
        looker.start();
    }

    /** The transaction's final status, once it has one. */
    TransactionStatus finalStatusOf(TransactionId id) throws InterruptedException {
        CompletableFuture<TransactionStatus> status = awaited.computeIfAbsent(id.toString(), key -> new CompletableFuture<>());
        try {
            return status.get(PATIENCE_MINUTES, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw new IllegalStateException("watching " + id + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(id + " is not final after " + PATIENCE_MINUTES + " minutes", e);
        } finally {
            awaited.remove(id.toString());
        }
    }

    private void look() {
        while (!closed) {
            try {
                if (!awaited.isEmpty()) {
                    lookOnce();
                }
                Thread.sleep(LOOK_EVERY_MILLIS); // the network works in the background; this only looks
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                awaited.values().forEach(status -> status.completeExceptionally(e));
            }
        }
    }

    private void lookOnce() throws SQLException {
        try (Connection connection = registry.getConnection();
             PreparedStatement select = connection.prepareStatement("select id, status from transactions"
                     + " where id = any(?) and status = any(?)")) {
            Array ids = connection.createArrayOf("varchar", awaited.keySet().toArray());
            select.setArray(1, ids);
            select.setArray(2, connection.createArrayOf("integer", FINAL_CODES));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    CompletableFuture<TransactionStatus> status = awaited.get(rows.getString(1));
                    if (status != null) {
                        status.complete(TransactionStatus.fromCode(rows.getInt(2)));
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        looker.interrupt();
    }
}
