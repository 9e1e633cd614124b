package org.itlgateway.simulator.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.util.List;
import java.util.concurrent.Callable;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.itlgateway.gateway.pki.KeyAlgorithm;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmarks, rerunnable: {@code ./bench gateway}. Prints the machine and a markdown table for
 * BENCHMARKS.md. Performance is measured here, never asserted in tests.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Rerunnable benchmarks of ITL Gateway.",
        subcommands = {Bench.Gateway.class, Bench.WsSecurity.class, Bench.Evidence.class, Bench.Reconciliation.class,
                Bench.NetworkRun.class, org.itlgateway.simulator.bench.chaos.ChaosCommand.class})
public final class Bench implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        org.itlgateway.gateway.app.ProcessSetup.forCommand();
        org.itlgateway.gateway.logging.LogFormat.useText();
        System.exit(new CommandLine(new Bench()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "gateway", mixinStandardHelpOptions = true,
            description = "Signed inbound proposals: full pipeline vs the endpoint without inbox vs the plain CXF + WSS4J stack vs"
                    + " the crypto floor, RSA-2048 and EC P-256.")
    static final class Gateway implements Callable<Integer> {
        @Option(names = "--requests", defaultValue = "3000", description = "Measured requests per scenario (default: ${DEFAULT-VALUE}).")
        int requests;
        @Option(names = "--warmup", defaultValue = "5000", description = "Warm-up requests per scenario (default: ${DEFAULT-VALUE}).")
        int warmup;
        @Option(names = "--clients", defaultValue = "2", description = "Concurrent client threads (default: ${DEFAULT-VALUE}).")
        int clients;
        @Option(names = "--algorithms", split = ",", defaultValue = "RSA_2048,EC_P256", description = "Key types (default: ${DEFAULT-VALUE}).")
        List<KeyAlgorithm> algorithms;
        @Option(names = "--jdbc-url", description = "Use this PostgreSQL instead of the embedded one.")
        String jdbcUrl;
        @Option(names = "--profile", description = "Record the full pipeline with JDK Flight Recorder and print where the"
                + " endpoint's time went.")
        boolean profile;

        @Override
        public Integer call() throws Exception {
            Security.addProvider(new BouncyCastleProvider());
            printMachine();
            try (BenchDatabase database = BenchDatabase.embeddedUnless(jdbcUrl, "a pool of 4 connections")) {
                System.out.printf("clients: %d, warm-up: %d, measured: %d requests per scenario%n%n", clients, warmup, requests);
                GatewayBench bench = new GatewayBench(database.url(), clients, warmup, requests, profile);
                List<Measurement> results = bench.run(algorithms);
                System.out.println(Measurement.markdownHeader());
                results.forEach(m -> System.out.println(m.markdownRow()));
                bench.profiles().forEach(table -> System.out.println("\n" + table));
            }
            return 0;
        }
    }

    @Command(name = "ws-security", mixinStandardHelpOptions = true,
            description = "The layers under a signed message on one thread (parsing, WS-Security verification on DOM and"
                    + " on StAX, signing), in CPU time per message beside the crypto floor; no CXF, no SAAJ, no HTTP.")
    static final class WsSecurity implements Callable<Integer> {
        @Option(names = "--messages", defaultValue = "4000", description = "Measured messages per layer (default: ${DEFAULT-VALUE}).")
        int messages;
        @Option(names = "--warmup", defaultValue = "4000", description = "Warm-up messages per layer (default: ${DEFAULT-VALUE}).")
        int warmup;
        @Option(names = "--algorithms", split = ",", defaultValue = "RSA_2048,EC_P256", description = "Key types (default: ${DEFAULT-VALUE}).")
        List<KeyAlgorithm> algorithms;

        @Override
        public Integer call() throws Exception {
            Security.addProvider(new BouncyCastleProvider());
            printMachine();
            System.out.printf("one thread, warm-up: %d, measured: %d messages per layer%n%n", warmup, messages);
            List<WsSecurityBench.Layer> layers = new WsSecurityBench(warmup, messages).run(algorithms);
            System.out.println(WsSecurityBench.Layer.header());
            layers.forEach(layer -> System.out.println(layer.markdown()));
            return 0;
        }
    }

    @Command(name = "evidence", mixinStandardHelpOptions = true,
            description = "What the evidence archive costs: the gateway scenario (signed inbound proposals, full pipeline)"
                    + " with the archive and without it (a bench-only assembly) in alternating rounds of the same run;"
                    + " then the archive's size per external transfer (CDM to Japan) in the simulated network.")
    static final class Evidence implements Callable<Integer> {
        @Option(names = "--requests", defaultValue = "3000",
                description = "Measured requests per side, over all its rounds (default: ${DEFAULT-VALUE}).")
        int requests;
        @Option(names = "--warmup", defaultValue = "1500",
                description = "Warm-up requests per side, before the first round (default: ${DEFAULT-VALUE}).")
        int warmup;
        @Option(names = "--rounds", defaultValue = "6",
                description = "Rounds per side, alternating with and without, 1 to 9 (default: ${DEFAULT-VALUE}).")
        int rounds;
        @Option(names = "--clients", defaultValue = "2", description = "Concurrent client threads (default: ${DEFAULT-VALUE}).")
        int clients;
        @Option(names = "--algorithm", defaultValue = "EC_P256", description = "Key type (default: ${DEFAULT-VALUE}).")
        KeyAlgorithm algorithm;
        @Option(names = "--jdbc-url", description = "Use this PostgreSQL for the gateway scenario instead of the embedded one.")
        String jdbcUrl;
        @Option(names = "--transfers", defaultValue = "100",
                description = "External transfers played in the simulated network for the archive's size per transaction;"
                        + " 0 leaves it out (default: ${DEFAULT-VALUE}).")
        int transfers;
        @Option(names = "--proposers", defaultValue = "4",
                description = "Transfers in progress at once (default: ${DEFAULT-VALUE}).")
        int proposers;

        @Override
        public Integer call() throws Exception {
            Security.addProvider(new BouncyCastleProvider());
            printMachine();
            EvidenceBench.Comparison comparison;
            try (BenchDatabase database = BenchDatabase.embeddedUnless(jdbcUrl, "a pool of 4 connections per side")) {
                System.out.printf("clients: %d, warm-up: %d per side, measured: %d requests per side in %d rounds"
                        + " (with, without; then without, with; ...)%n%n", clients, warmup, requests, rounds);
                comparison = new EvidenceBench(database.url(), clients, warmup, requests, rounds).compare(algorithm);
            }
            System.out.println(Measurement.markdownHeader());
            System.out.println(comparison.with().markdownRow());
            System.out.println(comparison.without().markdownRow());
            System.out.println(EvidenceBench.comparisonRow(comparison));
            EvidenceBench.ArchiveRows received = comparison.archive();
            System.out.printf(java.util.Locale.ROOT, "%nthe gateway scenario's archive: %d records (one per received proposal),"
                            + " %.0f bytes of signed message each, %.0f bytes of table, indexes and TOAST each%n",
                    received.records(), (double) received.contentBytes() / Math.max(1, received.records()),
                    received.relationBytesPerRecord());
            if (transfers > 0) {
                archivePerTransfer();
            }
            return 0;
        }

        private void archivePerTransfer() throws Exception {
            System.out.printf("%nthe archive per transaction: %d external transfers CDM to Japan in the simulated network"
                    + " (%d proposers, rounds every 200 ms) ...%n", transfers, proposers);
            Path data = Files.createTempDirectory("itl-bench-evidence");
            NetworkBench bench = new NetworkBench(data.resolve("postgres"), java.time.Duration.ofMillis(200));
            try {
                bench.start();
                NetworkBench.Throughput played = bench.transfers(transfers, proposers, 5);
                List<NetworkBench.ArchiveShare> shares = settledArchive(bench);
                System.out.printf(java.util.Locale.ROOT, "%d transfers, %d not completed%n%n", played.transfers(),
                        played.notCompleted());
                System.out.println("| Node | Records per transfer | Message and status bytes per transfer |"
                        + " Archive bytes per transfer (rows, indexes, TOAST) | Whole archive: records, bytes |");
                System.out.println("|---|---:|---:|---:|---:|");
                double records = 0;
                double content = 0;
                double bytes = 0;
                for (NetworkBench.ArchiveShare share : shares) {
                    System.out.printf(java.util.Locale.ROOT, "| %s | %.1f | %,.0f | %,.0f | %d, %,d |%n", share.node(),
                            share.recordsPerTransfer(), share.contentBytesPerTransfer(), share.archiveBytesPerTransfer(),
                            share.all().records(), share.all().relationBytes());
                    records += share.recordsPerTransfer();
                    content += share.contentBytesPerTransfer();
                    bytes += share.archiveBytesPerTransfer();
                }
                System.out.printf(java.util.Locale.ROOT, "| all three | %.1f | %,.0f | %,.0f | |%n", records, content, bytes);
            } finally {
                bench.close();
                try (var paths = Files.walk(data)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }

        /**
         * The archives of the ITL, CDM and Japan once the last messages about the transfers are recorded: a transfer is
         * final at CDM before the ITL has recorded CDM's receipt, so the counts are read until they stop growing.
         */
        private static List<NetworkBench.ArchiveShare> settledArchive(NetworkBench bench) throws Exception {
            java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
            List<NetworkBench.ArchiveShare> last = List.of();
            while (true) {
                List<NetworkBench.ArchiveShare> now = new java.util.ArrayList<>();
                for (String node : List.of("ITL", "CDM", "JP")) {
                    now.add(bench.archiveOfTransfers(node));
                }
                if (now.equals(last) || java.time.Instant.now().isAfter(deadline)) {
                    return now;
                }
                last = now;
                Thread.sleep(2000); // the network works in the background; this only looks
            }
        }
    }

    @Command(name = "network", mixinStandardHelpOptions = true,
            description = "The simulated network as a whole: its start-up (new and kept data directory), external "
                    + "transfers completed per second with their latency from proposal to completion, beside the bare "
                    + "signed round trips per second of the same machine, and the heap a transaction in flight keeps.")
    static final class NetworkRun implements Callable<Integer> {
        @Option(names = "--transfers", defaultValue = "400", description = "Measured transfers (default: ${DEFAULT-VALUE}).")
        int transfers;
        @Option(names = "--warmup", defaultValue = "20", description = "Transfers played before measuring (default: ${DEFAULT-VALUE}).")
        int warmup;
        @Option(names = "--proposers", defaultValue = "8",
                description = "Transfers in progress at once: each proposer proposes its next when its last completed (default: ${DEFAULT-VALUE}).")
        int proposers;
        @Option(names = "--in-flight", defaultValue = "1000",
                description = "Transactions held in flight for the heap measurement (default: ${DEFAULT-VALUE}).")
        int inFlight;
        @Option(names = "--rounds", defaultValue = "PT0.2S",
                description = "How often each node looks for work, as ./itl-network runs them (default: ${DEFAULT-VALUE}).")
        java.time.Duration rounds;
        @Option(names = "--baseline-requests", defaultValue = "2000",
                description = "Measured bare signed round trips for the baseline (default: ${DEFAULT-VALUE}).")
        int baselineRequests;

        @Override
        public Integer call() throws Exception {
            Security.addProvider(new BouncyCastleProvider());
            printMachine();
            Path data = Files.createTempDirectory("itl-bench-network");
            NetworkBench bench = new NetworkBench(data.resolve("postgres"), rounds);
            try {
                NetworkBench.StartUp startUp = bench.startUp();
                System.out.printf(java.util.Locale.ROOT, "start-up: %.1f s on a new data directory, %.1f s on the kept one%n",
                        startUp.coldSeconds(), startUp.warmSeconds());
                // warmed up as the gateway benchmark is: with fewer, the compiler is still at work while it is measured
                Measurement bare = new GatewayBench(bench.jdbcUrl(), 2, 5_000, baselineRequests)
                        .bareSignedRoundTrips(KeyAlgorithm.EC_P256);
                System.out.printf(java.util.Locale.ROOT, "bare signed round trips (EC P-256, the network's keys): %.0f/s%n",
                        bare.requestsPerSecond());
                NetworkBench.Throughput throughput = bench.transfers(transfers, proposers, warmup);
                NetworkBench.Memory memory = bench.inFlight(inFlight);
                double goal = bare.requestsPerSecond() / 8;
                System.out.println();
                System.out.println("| Measure | Value | Baseline (same run) | Ratio |");
                System.out.println("|---|---:|---:|---:|");
                System.out.printf(java.util.Locale.ROOT, "| external transfers completed per second (%d proposers, "
                                + "%d transfers, rounds every %d ms) | %.1f | %.1f (bare signed round trips/s %.0f ÷ 8) | %.2f× |%n",
                        proposers, transfers, rounds.toMillis(), throughput.perSecond(), goal, bare.requestsPerSecond(),
                        throughput.perSecond() / goal);
                System.out.printf(java.util.Locale.ROOT, "| proposal to completion, p50 / p99 | %.0f ms / %.0f ms | | |%n",
                        throughput.p50Millis(), throughput.p99Millis());
                System.out.printf(java.util.Locale.ROOT, "| transfers not completed | %d | | |%n", throughput.notCompleted());
                NetworkBench.Cost cost = throughput.cost();
                int done = Math.max(1, throughput.transfers() - throughput.notCompleted());
                System.out.printf(java.util.Locale.ROOT, "| per transfer: committed transactions / flushes of the "
                                + "database's log / log written | %.1f / %.1f / %.1f KB | | |%n", (double) cost.commits() / done,
                        (double) cost.logFlushes() / done, cost.logBytes() / 1024.0 / done);
                System.out.printf(java.util.Locale.ROOT, "| per transfer: CPU of the network's JVM (nodes, clients, "
                                + "proposers) / of PostgreSQL | %.1f ms / %s | | |%n", cost.jvmCpuNanos() / 1e6 / done,
                        cost.databaseCpuNanos() < 0 ? "not measured"
                                : String.format(java.util.Locale.ROOT, "%.1f ms", cost.databaseCpuNanos() / 1e6 / done));
                System.out.printf(java.util.Locale.ROOT, "| per transfer: threads started in the network's JVM | %.1f | | |%n",
                        (double) cost.threadsStarted() / done);
                System.out.printf(java.util.Locale.ROOT, "| heap retained per transaction in flight (%d in flight; "
                                + "heap used after a full collection: %.1f MB before, %.1f MB with them) | %.1f KB | "
                                + "max heap %d MB | |%n", memory.transactions(), memory.usedBefore() / 1048576.0,
                        memory.usedInFlight() / 1048576.0, memory.retainedPerTransaction() / 1024.0,
                        memory.maxHeap() / (1024 * 1024));
                System.out.printf(java.util.Locale.ROOT, "| network start-up, new data directory / kept | %.1f s / %.1f s | | |%n",
                        startUp.coldSeconds(), startUp.warmSeconds());
            } finally {
                bench.close();
                try (var paths = Files.walk(data)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            return 0;
        }
    }

    @Command(name = "reconciliation", mixinStandardHelpOptions = true,
            description = "Reconciliation of the CDM registry at 1 and 10 million blocks, consistent and with planted"
                    + " discrepancies, beside PostgreSQL's own GROUP BY and FULL JOIN. Run with -Xmx256m to check the heap.")
    static final class Reconciliation implements Callable<Integer> {
        @Option(names = "--blocks", split = ",", defaultValue = "1000000,10000000",
                description = "Block counts to reconcile (default: ${DEFAULT-VALUE}).")
        List<Long> blocks;
        @Option(names = "--accounts", defaultValue = "1000",
                description = "Holding accounts the blocks are spread over (default: ${DEFAULT-VALUE}).")
        int accounts;

        @Override
        public Integer call() throws Exception {
            printMachine();
            // Ten million blocks take gigabytes on disk: the data lives in a directory of its own, deleted at the end.
            Path data = Files.createTempDirectory("itl-bench-reconciliation");
            try (org.itlgateway.simulator.network.Network network = org.itlgateway.simulator.network.Network.start(
                    org.itlgateway.simulator.network.NetworkSettings.defaults().withDataDirectory(data))) {
                System.out.println("database: embedded PostgreSQL (the network's), one schema per node");
                network.clock().run();
                // Warm-up: the first signed messages of a JVM pay for loading and JIT compilation.
                network.reconciliation().initiate(org.itlgateway.core.registry.RegistryCode.CDM);
                network.settle();
                ReconciliationBench bench = new ReconciliationBench(network, accounts);
                List<ReconciliationBench.Row> rows = new java.util.ArrayList<>();
                for (long count : blocks) {
                    System.out.printf("reconciling %,d blocks over %d accounts ...%n", count, accounts);
                    List<ReconciliationBench.Row> measured = bench.run(count);
                    measured.forEach(row -> System.out.println(row.markdown()));
                    rows.addAll(measured);
                }
                System.out.println();
                System.out.println(ReconciliationBench.Row.header());
                rows.forEach(row -> System.out.println(row.markdown()));
            } finally {
                try (var paths = Files.walk(data)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            return 0;
        }
    }

    static void printMachine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (java.io.IOException | RuntimeException ignored) {
            // not Linux: the CPU model is not printed
        }
        System.out.printf("machine: %d cores (%s), %d MB max heap, %s %s, %s %s%n",
                Runtime.getRuntime().availableProcessors(), cpu, Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.version"));
    }
}
