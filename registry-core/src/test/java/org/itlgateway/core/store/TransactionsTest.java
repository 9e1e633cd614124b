package org.itlgateway.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jakarta.persistence.OptimisticLockException;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.store.jpa.PostgresTransactions;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.StatusOutcome;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.LulucfActivity;
import org.itlgateway.core.unit.Track;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Transactions come back from PostgreSQL with their whole proposal and every status they reached. */
class TransactionsTest {

    private static final RegistryCode GB = RegistryCode.of("GB");
    private static final RegistryCode JP = RegistryCode.of("JP");
    private static final Instant PROPOSED = Instant.parse("2014-06-02T10:15:30.123456Z");

    private static Database database;
    private static PostgresTransactions transactions;

    @BeforeAll
    static void open() {
        database = TestPostgres.open();
        transactions = new PostgresTransactions(database);
    }

    @AfterAll
    static void drop() {
        TestPostgres.drop(database);
    }

    @Test
    void theRecentTransactionsComeNewestFirstHigherNumberFirstWithinAMomentAndCanBeLimitedToOneStatus() {
        Database own = TestPostgres.open();
        try {
            PostgresTransactions recorded = new PostgresTransactions(own);
            Instant first = Instant.parse("2014-06-02T10:00:00Z");
            Instant later = first.plusSeconds(60);
            Transaction gb9 = proposed("GB9", first);
            Transaction gb10 = proposed("GB10", later);
            Transaction gb11 = proposed("GB11", later);
            gb11.moveTo(TransactionStatus.CHECKED_NO_DISCREPANCY, later.plusSeconds(1));
            List.of(gb9, gb11, gb10).forEach(recorded::save);

            assertEquals(List.of(gb11.id(), gb10.id(), gb9.id()), recorded.recent(java.util.Optional.empty(), 10));
            assertEquals(List.of(gb11.id(), gb10.id()), recorded.recent(java.util.Optional.empty(), 2));
            assertEquals(List.of(gb10.id(), gb9.id()), recorded.recent(java.util.Optional.of(TransactionStatus.PROPOSED), 10));
            assertEquals(List.of(), recorded.recent(java.util.Optional.of(TransactionStatus.COMPLETED), 10));
        } finally {
            TestPostgres.drop(own);
        }
    }

    private static Transaction proposed(String id, Instant at) {
        Proposal proposal = new Proposal(TransactionId.parse(id), TransactionType.EXTERNAL_TRANSFER, 0, GB,
                AccountRef.parse("GB-100-1001-2"), JP, AccountRef.parse("JP-120-77-2"), null,
                List.of(UnitBlock.of(1, 10, UnitAttributes.cer(1234, CommitmentPeriod.CP2))), Map.of(), at);
        return Transaction.propose(proposal, at);
    }

    @Test
    void anExternalTransferComesBackWithItsBlocksPerBlockAccountsAndHistory() {
        UnitBlock cers = UnitBlock.of(1001, 1500, UnitAttributes.cer(1234, CommitmentPeriod.CP2));
        UnitBlock lcers = UnitBlock.of(7, 9, new UnitAttributes(RegistryCode.CDM, UnitType.LCER, 2, CommitmentPeriod.CP1,
                CommitmentPeriod.CP2, LulucfActivity.AFFORESTATION_AND_REFORESTATION, 77L, null, LocalDate.of(2030, 1, 1)));
        UnitBlock erus = UnitBlock.of(50, 60, new UnitAttributes(GB, UnitType.ERU_FROM_AAU, 0, CommitmentPeriod.CP1,
                CommitmentPeriod.CP1, null, 555L, Track.TWO, null));
        AccountRef temporary = AccountRef.parse("GB-121-900-0");
        Proposal proposal = new Proposal(TransactionId.parse("GB100023"), TransactionType.EXTERNAL_TRANSFER, 0, GB,
                AccountRef.parse("GB-100-1001-2"), JP, AccountRef.parse("JP-120-77-2"), 31L,
                List.of(cers, lcers, erus), Map.of(lcers.id(), temporary), PROPOSED);
        Transaction transaction = Transaction.propose(proposal, PROPOSED);
        transaction.moveTo(TransactionStatus.CHECKED_NO_DISCREPANCY, PROPOSED.plusSeconds(2));
        transactions.save(transaction);

        Transaction read = transactions.find(proposal.id()).orElseThrow();
        assertEquals(proposal, read.proposal());
        assertEquals(transaction.history(), read.history());
        assertEquals(TransactionStatus.CHECKED_NO_DISCREPANCY, read.status());
    }

    @Test
    void savingAgainAddsTheStatusesReachedWithTheirEvaluationResults() {
        UnitBlock block = UnitBlock.of(1, 100, UnitAttributes.aau(GB, CommitmentPeriod.CP2));
        Proposal proposal = new Proposal(TransactionId.of(GB, 200), TransactionType.RETIREMENT, 0, GB,
                AccountRef.parse("GB-100-1001-2"), GB, AccountRef.parse("GB-300-3-2"), null, List.of(block), null,
                PROPOSED);
        transactions.save(Transaction.propose(proposal, PROPOSED));

        Transaction read = transactions.find(proposal.id()).orElseThrow();
        List<EvaluationResult> why = List.of(
                EvaluationResult.of(ResponseCode.UNITS_RESERVED, List.of(block.id()), "reserved by GB199"),
                EvaluationResult.of(ResponseCode.AAU_ISSUANCE_OVER_ASSIGNED_AMOUNT, null));
        assertEquals(StatusOutcome.APPLIED, read.moveTo(TransactionStatus.CHECKED_DISCREPANCY, PROPOSED.plusSeconds(1), why));
        transactions.save(read);
        read = transactions.find(proposal.id()).orElseThrow();
        assertEquals(StatusOutcome.APPLIED, read.terminate(PROPOSED.plusSeconds(5), List.of()));
        transactions.save(read);

        Transaction again = transactions.find(proposal.id()).orElseThrow();
        assertEquals(read.history(), again.history());
        assertEquals(List.of(TransactionStatus.PROPOSED, TransactionStatus.CHECKED_DISCREPANCY, TransactionStatus.TERMINATED),
                again.history().stream().map(h -> h.status()).toList());
        assertEquals(why, again.history().get(1).results());
        assertEquals(proposal, again.proposal());
    }

    @Test
    void anIssuanceWithoutTransferringAccountAndAConversionWithoutAcquiringAccountRoundTrip() {
        Proposal issuance = new Proposal(TransactionId.of(RegistryCode.CDM, 1), TransactionType.ISSUANCE, 0,
                RegistryCode.CDM, null, RegistryCode.CDM, AccountRef.parse("CDM-110-1-0"), null,
                List.of(UnitBlock.of(1, 10, UnitAttributes.cer(9, CommitmentPeriod.CP2))), Map.of(), PROPOSED);
        Proposal conversion = new Proposal(TransactionId.of(GB, 2), TransactionType.CONVERSION, 0, GB,
                AccountRef.parse("GB-100-1001-2"), GB, null, null,
                List.of(UnitBlock.of(1, 10, UnitAttributes.aau(GB, CommitmentPeriod.CP2))), Map.of(), PROPOSED);
        transactions.save(Transaction.propose(issuance, PROPOSED));
        transactions.save(Transaction.propose(conversion, PROPOSED));

        assertEquals(issuance, transactions.find(issuance.id()).orElseThrow().proposal());
        assertEquals(conversion, transactions.find(conversion.id()).orElseThrow().proposal());
        assertTrue(transactions.find(TransactionId.of(GB, 999)).isEmpty());
    }

    @Test
    void savingAHistoryReadBeforeAnotherChangeIsRefused() {
        Proposal proposal = new Proposal(TransactionId.of(GB, 300), TransactionType.INTERNAL_TRANSFER, 0, GB,
                AccountRef.parse("GB-100-1-2"), GB, AccountRef.parse("GB-120-2-2"), null,
                List.of(UnitBlock.of(1, 5, UnitAttributes.aau(GB, CommitmentPeriod.CP2))), null, PROPOSED);
        transactions.save(Transaction.propose(proposal, PROPOSED));
        Transaction stale = transactions.find(proposal.id()).orElseThrow();
        Transaction fresh = transactions.find(proposal.id()).orElseThrow();

        fresh.moveTo(TransactionStatus.CHECKED_NO_DISCREPANCY, PROPOSED.plusSeconds(1));
        transactions.save(fresh);
        stale.cancel(PROPOSED.plusSeconds(2));

        assertThrows(IllegalStateException.class, () -> transactions.save(stale));
        assertEquals(fresh.history(), transactions.find(proposal.id()).orElseThrow().history());
    }

    @Test
    void twoUnitsOfWorkAddingAStatusToTheSameTransactionCannotBothCommit() throws Exception {
        Proposal proposal = new Proposal(TransactionId.of(GB, 400), TransactionType.INTERNAL_TRANSFER, 0, GB,
                AccountRef.parse("GB-100-1-2"), GB, AccountRef.parse("GB-120-2-2"), null,
                List.of(UnitBlock.of(1, 5, UnitAttributes.aau(GB, CommitmentPeriod.CP2))), null, PROPOSED);
        transactions.save(Transaction.propose(proposal, PROPOSED));
        CyclicBarrier bothRead = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<TransactionStatus>> writers = new ArrayList<>();
            for (TransactionStatus target : List.of(TransactionStatus.CHECKED_NO_DISCREPANCY, TransactionStatus.CANCELLED)) {
                writers.add(threads.submit(() -> database.call(() -> {
                    Transaction read = transactions.find(proposal.id()).orElseThrow();
                    await(bothRead);
                    read.moveTo(target, PROPOSED.plusSeconds(1));
                    transactions.save(read);
                    return target;
                })));
            }
            List<TransactionStatus> committed = new ArrayList<>();
            int failed = 0;
            for (Future<TransactionStatus> writer : writers) {
                try {
                    committed.add(writer.get(30, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    assertTrue(causedBy(e, OptimisticLockException.class), "the later writer fails on the version: " + e);
                    failed++;
                }
            }
            assertEquals(1, committed.size(), "exactly one writer commits");
            assertEquals(1, failed, "the other fails and keeps nothing");
            Transaction stored = transactions.find(proposal.id()).orElseThrow();
            assertEquals(List.of(TransactionStatus.PROPOSED, committed.get(0)),
                    stored.history().stream().map(h -> h.status()).toList());
        } finally {
            threads.shutdownNow();
        }
    }

    static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other thread did not arrive", e);
        }
    }
}
