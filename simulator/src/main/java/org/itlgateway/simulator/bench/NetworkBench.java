package org.itlgateway.simulator.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.cdm.CdmAccounts;
import org.itlgateway.core.cdm.CdmRegistry;
import org.itlgateway.core.cdm.IssuanceRequest;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.gateway.node.NodeStores;
import org.itlgateway.gateway.node.RegistryNode;
import org.itlgateway.simulator.fault.FaultKind;
import org.itlgateway.simulator.fault.PeerFault;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.network.NetworkSettings;
import org.itlgateway.simulator.terminal.Progress;

/**
 * The simulated network measured as a whole: how long it takes to start (on a new data directory, then again on the
 * kept one), how many external transfers it completes per second (CDM to Japan, each about eight signed messages over
 * HTTP between the CDM registry, the ITL and Japan's registry, every step committed on PostgreSQL), with their latency
 * from proposal to completion, and the heap a transaction in flight keeps.
 */
final class NetworkBench {

    private static final Instant DATE = Instant.parse("2014-01-15T09:00:00Z");
    private static final long PROJECT = 4321;
    private static final long UNITS_PER_TRANSFER = 10;
    private static final AccountRef JAPAN = AccountRef.of(RegistryCode.of("JP"), AccountType.ENTITY_HOLDING, 20045);
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    /** Seconds to a network answering, on a new data directory (the database created) and on the kept one. */
    record StartUp(double coldSeconds, double warmSeconds) {
    }

    /** Transfers completed at a concurrency of {@code proposers}, each waiting for its own to complete. */
    record Throughput(int transfers, int proposers, Duration rounds, double seconds, double p50Millis,
                      double p99Millis, int notCompleted, Cost cost) {
        double perSecond() {
            return (transfers - notCompleted) / seconds;
        }
    }

    /**
     * What the measured transfers cost the machine, in all: the database's committed transactions and flushes of its
     * log ({@code pg_stat_database}, {@code pg_stat_wal}), this JVM's CPU (the network's nodes, their clients and the
     * benchmark's proposers) and the PostgreSQL processes', and the threads this JVM started.
     */
    record Cost(long commits, long logFlushes, long logBytes, long jvmCpuNanos, long databaseCpuNanos,
                long threadsStarted) {

        static Cost between(Cost before, Cost after) {
            return new Cost(after.commits - before.commits, after.logFlushes - before.logFlushes,
                    after.logBytes - before.logBytes, after.jvmCpuNanos - before.jvmCpuNanos,
                    before.databaseCpuNanos < 0 || after.databaseCpuNanos < 0 ? -1
                            : after.databaseCpuNanos - before.databaseCpuNanos,
                    after.threadsStarted - before.threadsStarted);
        }
    }

    /** The heap used after a full collection, before and with {@code transactions} in flight. */
    record Memory(int transactions, long usedBefore, long usedInFlight, long maxHeap) {
        long retainedPerTransaction() {
            return Math.max(0, usedInFlight - usedBefore) / transactions;
        }
    }

    private final Path dataDirectory;
    private final Duration rounds;
    private final ConcurrentLinkedQueue<TransactionId> measured = new ConcurrentLinkedQueue<>();
    private Network network;

    NetworkBench(Path dataDirectory, Duration rounds) {
        this.dataDirectory = dataDirectory;
        this.rounds = rounds;
    }

    /** Starts the network on a new data directory, stops it, and starts it again on the same one (kept running). */
    StartUp startUp() {
        NetworkSettings settings = settings();
        long t = System.nanoTime();
        Network.start(settings).close();
        double cold = (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        network = Network.start(settings);
        double warm = (System.nanoTime() - t) / 1e9;
        return new StartUp(cold, warm);
    }

    /** Starts the network on a new data directory (kept running), once. */
    void start() {
        network = Network.start(settings());
    }

    private NetworkSettings settings() {
        return NetworkSettings.defaults().withDataDirectory(dataDirectory).withStart(DATE)
                .withClientTimeout(Duration.ofSeconds(30));
    }

    /** The database server the running network keeps its nodes on, with its user. */
    String jdbcUrl() {
        var server = network.databaseServer().server();
        String url = server.jdbcUrl();
        return url + (url.contains("?") ? "&" : "?") + "user=" + server.user()
                + (server.password() == null || server.password().isEmpty() ? "" : "&password=" + server.password());
    }

    /**
     * {@code transfers} external transfers of 10 CERs from the CDM registry to Japan, proposed by {@code proposers}
     * threads that each propose the next once their previous one has completed, the nodes running in the background.
     */
    Throughput transfers(int transfers, int proposers, int warmup) throws InterruptedException {
        // a proposer takes the next transfer whenever its last completed, so one may do more than its share
        List<AccountRef> accounts = stock(proposers, transfers + warmup);
        transferInline(accounts.get(0), warmup);
        network.clock().run();
        network.startLoops(rounds);
        long[] latencies = new long[transfers];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger notCompleted = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        Cost before = costSoFar();
        long began = System.nanoTime();
        try (Progress progress = Progress.of("external transfers CDM to JP", transfers);
             FinalStatusWatch watch = new FinalStatusWatch(network.stores("CDM").database().dataSource())) {
            for (int p = 0; p < proposers; p++) {
                AccountRef from = accounts.get(p);
                Thread thread = new Thread(() -> {
                    try {
                        for (int i = next.getAndIncrement(); i < transfers; i = next.getAndIncrement()) {
                            long start = System.nanoTime();
                            TransactionId id = propose(from);
                            measured.add(id);
                            if (watch.finalStatusOf(id) != TransactionStatus.COMPLETED) {
                                notCompleted.incrementAndGet();
                            }
                            latencies[i] = System.nanoTime() - start;
                            progress.step();
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }, "bench-proposer-" + p);
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        Cost cost = Cost.between(before, costSoFar());
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the transfers failed: " + failures.peek(), failures.peek());
        }
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Throughput(transfers, proposers, rounds, seconds, percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.99) / 1e6, notCompleted.get(), cost);
    }

    /** The machine's counters now: the database's commits and log flushes, this JVM's and PostgreSQL's CPU. */
    private Cost costSoFar() {
        try (Connection connection = java.sql.DriverManager.getConnection(jdbcUrl());
             java.sql.Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select (select sum(xact_commit) from pg_stat_database),"
                     + " wal_sync, wal_bytes from pg_stat_wal")) {
            row.next();
            return new Cost(row.getLong(1), row.getLong(2), row.getLong(3), CpuMeter.processCpuNanos(),
                    CpuMeter.databaseCpuNanos(), ManagementFactory.getThreadMXBean().getTotalStartedThreadCount());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's counters: " + e.getMessage(), e);
        }
    }

    /**
     * The heap {@code count} transactions in flight keep: Japan answers nothing (HTTP 503), so each transfer stays
     * between its proposal and its completion, its state on PostgreSQL and in whatever the nodes hold of it.
     */
    Memory inFlight(int count) throws InterruptedException {
        List<AccountRef> accounts = stock(1, count + 1);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterCollection(memory);
        network.faults().set("JP", new PeerFault(FaultKind.UNAVAILABLE, 0, 0));
        List<TransactionId> proposed = new ArrayList<>();
        try (Progress progress = Progress.of("transfers in flight", count)) {
            for (int i = 0; i < count; i++) {
                proposed.add(propose(accounts.get(0)));
                progress.step();
            }
        }
        TransactionId last = proposed.get(proposed.size() - 1);
        awaitReceivedByTheItl(last);
        long inFlight = usedAfterCollection(memory);
        long stillOpen = proposed.stream().filter(id -> find("CDM", id).map(t -> !t.status().isFinal()).orElse(false))
                .count();
        network.faults().clear("JP");
        if (stillOpen < count) {
            System.out.printf(Locale.ROOT, "  (%d of %d transfers were final before the heap was measured)%n",
                    count - stillOpen, count);
        }
        return new Memory(count, before, inFlight, memory.getHeapMemoryUsage().getMax());
    }

    /**
     * What the measured transfers left in one node's evidence archive: the records about them (their status changes,
     * and the messages whose key is the transaction or the transaction and a status), with the bytes of their content,
     * beside the archive's whole table (rows, indexes and TOAST: {@code pg_total_relation_size}) and its row count.
     */
    ArchiveShare archiveOfTransfers(String node) throws SQLException {
        NodeStores stores = network.stores(node);
        try (Connection connection = stores.database().dataSource().getConnection()) {
            EvidenceBench.ArchiveRows all = EvidenceBench.ArchiveRows.of(connection);
            try (PreparedStatement select = connection.prepareStatement("select count(*),"
                    + " coalesce(sum(octet_length(content)), 0) from evidence_record"
                    + " where split_part(subject, '/', 1) = any(?)")) {
                select.setArray(1, connection.createArrayOf("text",
                        measured.stream().map(TransactionId::toString).toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return new ArchiveShare(node, measured.size(), rows.getLong(1), rows.getLong(2), all);
                }
            }
        }
    }

    /** A node's archive records about {@code transfers} transfers, and its whole archive. */
    record ArchiveShare(String node, int transfers, long records, long contentBytes, EvidenceBench.ArchiveRows all) {

        double recordsPerTransfer() {
            return (double) records / transfers;
        }

        double contentBytesPerTransfer() {
            return (double) contentBytes / transfers;
        }

        /** The table's bytes (rows, indexes, TOAST) per record of the whole archive, times the transfers' records. */
        double archiveBytesPerTransfer() {
            return all.relationBytesPerRecord() * records / transfers;
        }
    }

    void close() {
        if (network != null) {
            network.close();
        }
    }

    /**
     * Issues CP2 CERs and forwards {@code perAccount} transfers' worth into each of {@code count} new accounts, each
     * step awaited until final: once the nodes run in the background, a round of {@link Network#settle} can find
     * nothing to do while a background round is still sending, so settling alone does not mean done.
     */
    private List<AccountRef> stock(int count, long transfersPerAccount) throws InterruptedException {
        CdmRegistry cdm = network.cdm();
        RegistryNode node = network.registryNode("CDM");
        long perAccount = transfersPerAccount * UNITS_PER_TRANSFER;
        long issued = (long) Math.ceil(perAccount * count / 0.98) + 100;
        ProposalOutcome issuance = node.submit(() -> cdm.issue(IssuanceRequest.cers(PROJECT, CommitmentPeriod.CP2, issued)));
        requireRecorded(issuance, "the issuance");
        network.settle();
        requireCompleted(awaitFinal(issuance.transaction().id()), "the issuance");
        List<AccountRef> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AccountRef account = inCdm(() -> cdm.openHoldingAccount(AccountType.ENTITY_HOLDING, "bench holder"));
            ProposalOutcome forwarding = node.submit(() -> cdm.forward(account,
                    cdm.freeUnits(CdmAccounts.PENDING, PROJECT, perAccount).orElseThrow()));
            requireRecorded(forwarding, "forwarding");
            network.settle();
            requireCompleted(awaitFinal(forwarding.transaction().id()), "forwarding");
            accounts.add(account);
        }
        return accounts;
    }

    /** A few transfers played step by step before anything is measured: the JVM's first messages are slow. */
    private void transferInline(AccountRef from, int count) {
        for (int i = 0; i < count; i++) {
            propose(from);
            network.settle();
        }
    }

    private TransactionId propose(AccountRef from) {
        CdmRegistry cdm = network.cdm();
        ProposalOutcome outcome = network.registryNode("CDM").submit(() -> {
            List<UnitBlock> units = cdm.freeUnits(from, PROJECT, UNITS_PER_TRANSFER).orElseThrow(
                    () -> new IllegalStateException(from + " has no free units left"));
            return cdm.transfer(from, JAPAN, units);
        });
        requireRecorded(outcome, "a transfer to Japan");
        return outcome.transaction().id();
    }

    private static void requireCompleted(TransactionStatus status, String what) {
        if (status != TransactionStatus.COMPLETED) {
            throw new IllegalStateException(what + " ended " + status + ", not completed");
        }
    }

    private TransactionStatus awaitFinal(TransactionId id) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Optional<Transaction> seen = find("CDM", id);
            if (seen.isPresent() && seen.get().status().isFinal()) {
                return seen.get().status();
            }
            Thread.sleep(20); // the network works in the background; this only looks
        }
        throw new IllegalStateException(id + " is not final after " + PATIENCE);
    }

    private void awaitReceivedByTheItl(TransactionId id) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (find("ITL", id).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the ITL did not receive " + id + " within " + PATIENCE);
            }
            Thread.sleep(50);
        }
    }

    private Optional<Transaction> find(String node, TransactionId id) {
        NodeStores stores = network.stores(node);
        return stores.database().call(() -> stores.transactions().find(id));
    }

    private <T> T inCdm(java.util.function.Supplier<T> work) {
        NodeStores stores = network.stores("CDM");
        return stores.database().call(work);
    }

    private static void requireRecorded(ProposalOutcome outcome, String what) {
        if (!outcome.isRecorded()) {
            throw new IllegalStateException(what + " was refused: " + outcome.refusals());
        }
    }

    private static long usedAfterCollection(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long percentile(long[] sorted, double fraction) {
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

}
