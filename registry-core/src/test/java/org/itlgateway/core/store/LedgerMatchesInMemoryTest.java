package org.itlgateway.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.holding.Ledger;
import org.itlgateway.core.holding.LedgerOutcome;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A long random run of ledger operations gives the same outcomes and the same pieces on PostgreSQL as in memory,
 * after every single operation.
 */
class LedgerMatchesInMemoryTest {

    private static final List<AccountRef> ACCOUNTS = List.of(LedgerOnEveryStoreTest.PENDING,
            LedgerOnEveryStoreTest.HOLDER_A, LedgerOnEveryStoreTest.HOLDER_B, LedgerOnEveryStoreTest.CANCELLATION);
    private static final List<UnitAttributes> KINDS = List.of(LedgerOnEveryStoreTest.CER,
            LedgerOnEveryStoreTest.OTHER_CER, UnitAttributes.cer(1234, CommitmentPeriod.CP1));

    private static LedgerBench memory;
    private static LedgerBench postgres;

    @BeforeAll
    static void open() {
        memory = LedgerBench.inMemory();
        postgres = LedgerBench.postgres();
    }

    @AfterAll
    static void close() {
        postgres.close();
    }

    @Test
    void aRandomRunOfOperationsLeavesTheSamePiecesAsInMemory() {
        Random random = new Random(20240607L);
        memory.empty();
        postgres.empty();
        List<TransactionId> open = new ArrayList<>();
        int applied = 0;
        long sequence = 0;
        Instant at = Instant.parse("2021-01-01T00:00:00Z");
        for (int step = 0; step < 300; step++) {
            // Every fifth step happens at the same instant as the one before it.
            at = step % 5 == 0 ? at : at.plusMillis(1 + random.nextInt(1000));
            Instant now = at;
            String what;
            Function<Ledger, Object> operation;
            int choice = random.nextInt(open.isEmpty() ? 3 : 7);
            long start = 1 + random.nextInt(400);
            UnitBlock block = UnitBlock.of(start, start + random.nextInt(40), KINDS.get(random.nextInt(KINDS.size())));
            AccountRef account = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
            switch (choice) {
                case 0 -> {
                    what = "issue " + block;
                    operation = l -> l.issue(LedgerOnEveryStoreTest.PENDING, List.of(block), now);
                }
                case 1 -> {
                    what = "credit " + block + " to " + account;
                    operation = l -> l.credit(account, List.of(block), now);
                }
                case 2 -> {
                    TransactionId transaction = TransactionId.of(RegistryCode.CDM, ++sequence);
                    open.add(transaction);
                    // Mostly units that are held, as they are held; sometimes anything, to be refused.
                    List<HeldBlock> pieces = ACCOUNTS.stream()
                            .flatMap(a -> memory.<List<HeldBlock>>apply(l -> l.heldBy(a)).stream()).toList();
                    UnitBlock wanted = block;
                    AccountRef from = account;
                    if (!pieces.isEmpty() && random.nextInt(10) < 8) {
                        HeldBlock piece = pieces.get(random.nextInt(pieces.size()));
                        long first = piece.range().start() + random.nextLong(piece.range().quantity());
                        long last = first + random.nextLong(piece.range().end() - first + 1);
                        wanted = piece.block().withRange(SerialRange.of(first, last));
                        from = piece.account();
                    }
                    UnitBlock reserved = wanted;
                    AccountRef leaving = from;
                    what = "reserve " + reserved + " in " + leaving + " for " + transaction;
                    operation = l -> l.reserve(transaction, List.of(reserved), b -> leaving, now);
                }
                default -> {
                    TransactionId transaction = open.remove(random.nextInt(open.size()));
                    switch (choice) {
                        case 3 -> {
                            what = "release " + transaction;
                            operation = l -> {
                                l.release(transaction, now);
                                return null;
                            };
                        }
                        case 4 -> {
                            what = "move " + transaction + " to " + account;
                            operation = l -> {
                                l.moveReserved(transaction, account, now);
                                return null;
                            };
                        }
                        case 5 -> {
                            what = "debit " + transaction;
                            operation = l -> {
                                l.debitReserved(transaction, now);
                                return null;
                            };
                        }
                        default -> {
                            what = "change the project of " + transaction;
                            operation = l -> {
                                l.changeReserved(transaction, a -> a.withProjectAndTrack(4321L, null), now);
                                return null;
                            };
                        }
                    }
                }
            }
            Object expected = memory.apply(operation);
            Object actual = postgres.apply(operation);
            assertEquals(expected, actual, "step " + step + ": " + what);
            if (expected instanceof LedgerOutcome outcome && outcome.isApplied()) {
                applied++;
            }
            for (AccountRef held : ACCOUNTS) {
                List<HeldBlock> inMemory = memory.apply(l -> l.heldBy(held));
                List<HeldBlock> onPostgres = postgres.apply(l -> l.heldBy(held));
                assertEquals(inMemory, onPostgres,
                        "step " + step + " (" + what + "), pieces of " + held);
            }
        }
        assertTrue(applied > 50, "the run changed the holdings often: " + applied + " issuances, credits and reservations");
    }
}
