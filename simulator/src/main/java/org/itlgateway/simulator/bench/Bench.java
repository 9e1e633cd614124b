package org.itlgateway.simulator.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.itlgateway.gateway.pki.KeyAlgorithm;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmarks, rerunnable: {@code ./bench gateway}. Prints the machine and a markdown table for
 * BENCHMARKS.md. Performance is measured here, never asserted in tests.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Rerunnable benchmarks of ITL Gateway.",
        subcommands = {Bench.Gateway.class})
public final class Bench implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "gateway", mixinStandardHelpOptions = true,
            description = "Signed inbound proposals: full pipeline vs bare CXF endpoint vs crypto floor, RSA-2048 and EC P-256.")
    static final class Gateway implements Callable<Integer> {
        @Option(names = "--requests", defaultValue = "3000", description = "Measured requests per scenario (default: ${DEFAULT-VALUE}).")
        int requests;
        @Option(names = "--warmup", defaultValue = "1500", description = "Warm-up requests per scenario (default: ${DEFAULT-VALUE}).")
        int warmup;
        @Option(names = "--clients", defaultValue = "2", description = "Concurrent client threads (default: ${DEFAULT-VALUE}).")
        int clients;
        @Option(names = "--algorithms", split = ",", defaultValue = "RSA_2048,EC_P256", description = "Key types (default: ${DEFAULT-VALUE}).")
        List<KeyAlgorithm> algorithms;
        @Option(names = "--jdbc-url", description = "Use this PostgreSQL instead of the embedded one.")
        String jdbcUrl;

        @Override
        public Integer call() throws Exception {
            Security.addProvider(new BouncyCastleProvider());
            printMachine();
            EmbeddedPostgres embedded = null;
            DataSource dataSource;
            if (jdbcUrl == null) {
                embedded = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
                dataSource = embedded.getPostgresDatabase();
                System.out.println("database: embedded PostgreSQL, synchronous_commit=on");
            } else {
                PGSimpleDataSource external = new PGSimpleDataSource();
                external.setURL(jdbcUrl);
                dataSource = external;
                System.out.println("database: " + jdbcUrl);
            }
            try {
                System.out.printf("clients: %d, warm-up: %d, measured: %d requests per scenario%n%n", clients, warmup, requests);
                List<Measurement> results = new GatewayBench(dataSource, clients, warmup, requests).run(algorithms);
                System.out.println(Measurement.markdownHeader());
                results.forEach(m -> System.out.println(m.markdownRow()));
            } finally {
                if (embedded != null) {
                    embedded.close();
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
