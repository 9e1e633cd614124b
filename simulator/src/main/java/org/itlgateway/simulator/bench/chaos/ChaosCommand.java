package org.itlgateway.simulator.bench.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./bench chaos}: seeded chaos runs of a registry's gateway under SIGKILL, each seed checked against the
 * invariants of {@link Invariants}; prints a line per seed and the table for RELIABILITY.md. Exit code 1 when any
 * invariant is broken.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "Seeded chaos run: the simulated network and New Zealand's registry gateway as separate processes;"
                + " transfers proposed through the gateway's operator API while it (and in some seeds its PostgreSQL) is"
                + " killed with SIGKILL and restarted; then every invariant is checked.")
public final class ChaosCommand implements Callable<Integer> {

    @Option(names = "--seed", description = "One seed (default: 1).")
    Long seed;

    @Option(names = "--seeds", description = "A range of seeds run one after the other, e.g. 1..20.")
    String seeds;

    @Option(names = "--transfers", defaultValue = "1000", description = "Transfers proposed per seed (default: ${DEFAULT-VALUE}).")
    int transfers;

    @Option(names = "--kills", defaultValue = "5", description = "Kills per seed (default: ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--database-kills", defaultValue = "SOME",
            description = "Whether PostgreSQL is killed too: SOME (decided by each seed), NONE or ALL (default: ${DEFAULT-VALUE}).")
    ChaosPlan.DatabaseKills databaseKills;

    @Option(names = "--embedded-database",
            description = "Run the gateway on its embedded PostgreSQL (--data-dir) instead of a PostgreSQL process of the"
                    + " runner's (--jdbc-url); its PostgreSQL is then never killed on its own.")
    boolean embeddedDatabase;

    @Option(names = "--quiet-limit", defaultValue = "PT10M",
            description = "How long to wait for quiet after the load (default: ${DEFAULT-VALUE}).")
    Duration quietLimit;

    @Option(names = "--work-dir", defaultValue = "target/chaos",
            description = "Where each seed keeps its PKI, databases and logs (default: ${DEFAULT-VALUE}).")
    Path workDirectory;

    @Override
    public Integer call() throws Exception {
        List<String> rows = new ArrayList<>();
        boolean allHold = true;
        for (long each : seeds()) {
            ChaosPlan plan = ChaosPlan.of(each, transfers, kills, embeddedDatabase ? ChaosPlan.DatabaseKills.NONE : databaseKills);
            Path work = workDirectory.resolve("seed-" + each);
            delete(work);
            Files.createDirectories(work);
            System.out.printf("seed %d: %d transfers, %d kills%s ...%n", each, transfers, plan.kills().size(),
                    plan.killsDatabase() ? " (PostgreSQL too)" : "");
            try {
                ChaosResult result = new ChaosRun(plan, work.toAbsolutePath(), embeddedDatabase, quietLimit, System.out).run();
                System.out.print(result.line());
                rows.add(result.row());
                allHold &= result.holds();
            } catch (Exception | Error failure) {
                // One seed's run failing (a process that would not start, ...) is reported, and the next seed runs.
                System.out.printf("seed %d: THE RUN FAILED: %s (its logs are in %s)%n", each, failure, work.resolve("logs"));
                rows.add(ChaosResult.failedRow(each, failure));
                allHold = false;
            }
        }
        System.out.println();
        System.out.println(ChaosResult.header());
        rows.forEach(System.out::println);
        return allHold ? 0 : 1;
    }

    private List<Long> seeds() {
        if (seeds != null) {
            String[] bounds = seeds.split("\\.\\.");
            long from = Long.parseLong(bounds[0].trim());
            long to = bounds.length > 1 ? Long.parseLong(bounds[1].trim()) : from;
            List<Long> all = new ArrayList<>();
            for (long each = from; each <= to; each++) {
                all.add(each);
            }
            return all;
        }
        return List.of(seed == null ? 1L : seed);
    }

    private static void delete(Path directory) throws java.io.IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
