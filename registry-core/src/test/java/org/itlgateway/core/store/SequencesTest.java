package org.itlgateway.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.itlgateway.core.store.sql.PostgresSequences;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SequencesTest {

    private static Database database;
    private static PostgresSequences sequences;

    @BeforeAll
    static void open() {
        database = TestPostgres.open();
        sequences = new PostgresSequences(database);
    }

    @AfterAll
    static void drop() {
        TestPostgres.drop(database);
    }

    @Test
    void aNewSequenceStartsAtOneAndCountsOnFromWhatWasTaken() {
        assertEquals(1, sequences.next("transactions-GB"));
        assertEquals(2, sequences.take("transactions-GB", 10));
        assertEquals(12, sequences.next("transactions-GB"));
        assertEquals(1, sequences.next("transactions-JP"), "sequences count apart");
    }

    @Test
    void numbersTakenByAUnitOfWorkThatFailsAreHandedOutAgain() {
        assertEquals(1, sequences.next("notices"));
        assertThrows(IllegalStateException.class, () -> database.run(() -> {
            sequences.take("notices", 5);
            throw new IllegalStateException("the proposal that used them was never kept");
        }));
        assertEquals(2, sequences.next("notices"));
    }

    @Test
    void concurrentTakersNeverGetTheSameNumber() throws Exception {
        int takers = 8;
        int rounds = 40;
        CyclicBarrier start = new CyclicBarrier(takers);
        ExecutorService threads = Executors.newFixedThreadPool(takers);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < takers; t++) {
                int taker = t;
                results.add(threads.submit(() -> {
                    TransactionsTest.await(start);
                    List<Long> taken = new ArrayList<>();
                    for (int r = 0; r < rounds; r++) {
                        long count = taker % 2 == 0 ? 1 : 3;
                        long first = sequences.take("serials-CDM", count);
                        LongStream.range(first, first + count).forEach(taken::add);
                    }
                    return taken;
                }));
            }
            Set<Long> all = new TreeSet<>();
            int handedOut = 0;
            for (Future<List<Long>> result : results) {
                List<Long> taken = result.get(60, TimeUnit.SECONDS);
                handedOut += taken.size();
                all.addAll(taken);
            }
            assertEquals(handedOut, all.size(), "no number handed out twice");
            assertEquals(LongStream.rangeClosed(1, handedOut).boxed().toList(), List.copyOf(all), "and none skipped");
        } finally {
            threads.shutdownNow();
        }
    }
}
