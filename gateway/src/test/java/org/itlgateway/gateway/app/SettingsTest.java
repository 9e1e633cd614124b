package org.itlgateway.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.itlgateway.core.store.DatabaseSettings;
import org.itlgateway.gateway.delivery.RetrySchedule;
import org.itlgateway.gateway.evidence.EvidenceCheckpointing;
import org.itlgateway.gateway.http.JsonApiServer;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.node.StatusRecovery;
import org.itlgateway.gateway.support.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The registry gateway's settings come from the command line, then the environment, then the configuration file,
 * then the defaults; {@code --print-config} shows each with its source; the reference file in docs/ lists them all.
 */
class SettingsTest {

    /** Rewrites docs/itl-registry.conf from the command's options: {@code -Dconfig.write=true}. */
    static final String WRITE = "config.write";
    private static final String REQUIRED = "code = NZ\nitl = http://127.0.0.1:8080/itl\ntrust-anchor = ca.crt.pem\n";

    @TempDir
    Path directory;

    @Test
    void aSettingInTheFileIsUsedWhenNeitherTheCommandLineNorTheEnvironmentGivesIt() throws IOException {
        Path file = file(REQUIRED + "pool-size = 20\n# a comment\nretry-schedule = PT5S, PT1M\n");

        String printed = printConfig(file);

        assertTrue(printed.contains("# configuration file\npool-size = 20\n"), printed);
        assertTrue(printed.contains("# configuration file\nretry-schedule = PT5S,PT1M\n"), printed);
        assertTrue(printed.contains("# default\ndead-letter-after = 3\n"), printed);
    }

    @Test
    void theCommandLineOverridesTheFile() throws IOException {
        Path file = file(REQUIRED + "pool-size = 20\n");

        String printed = printConfig(file, "--pool-size", "7");

        assertTrue(printed.contains("# command line\npool-size = 7\n"), printed);
    }

    @Test
    void anEnvironmentVariableOverridesTheFileInTheCommandAsItRuns() throws Exception {
        Path file = file(REQUIRED + "pool-size = 20\noperator-port = 9191\n");

        String printed = runInItsOwnProcess(Map.of("ITL_REGISTRY_POOL_SIZE", "12", "ITL_REGISTRY_CLIENT_TIMEOUT", "PT4S",
                "ITL_REGISTRY_INBOUND_MAX_DEPTH", "30"), "--config", file.toString(), "--print-config");

        assertTrue(printed.contains("# environment (ITL_REGISTRY_POOL_SIZE)\npool-size = 12\n"), printed);
        assertTrue(printed.contains("# environment (ITL_REGISTRY_CLIENT_TIMEOUT)\nclient-timeout = PT4S\n"), printed);
        assertTrue(printed.contains("# environment (ITL_REGISTRY_INBOUND_MAX_DEPTH)\ninbound-max-depth = 30\n"), printed);
        assertTrue(printed.contains("# configuration file\noperator-port = 9191\n"), printed);
    }

    @Test
    void theFileMayBeNamedByTheCommandsEnvironmentVariable() throws IOException {
        Path file = file(REQUIRED + "pool-size = 21\n");
        StringWriter out = new StringWriter();

        int exit = RegistryGatewayMain.run(Map.of("ITL_REGISTRY_CONFIG", file.toString()), new PrintWriter(out),
                new PrintWriter(new StringWriter()), "--print-config");

        assertEquals(0, exit);
        assertTrue(out.toString().contains("# configuration file\npool-size = 21\n"), out.toString());
    }

    @Test
    void aKeyNoSettingHasIsRefusedByName() throws IOException {
        Path file = file(REQUIRED + "pool-sise = 20\nretries = 3\n");
        StringWriter err = new StringWriter();

        int exit = RegistryGatewayMain.run(Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(err),
                "--config", file.toString(), "--print-config");

        assertEquals(CommandLine.ExitCode.USAGE, exit);
        assertTrue(err.toString().contains("names settings itl-registry does not have: pool-sise, retries"),
                err.toString());
    }

    @Test
    void aMissingFileIsNamed() {
        StringWriter err = new StringWriter();

        int exit = RegistryGatewayMain.run(Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(err),
                "--config", directory.resolve("nowhere.conf").toString(), "--print-config");

        assertEquals(CommandLine.ExitCode.USAGE, exit);
        assertTrue(err.toString().contains("nowhere.conf does not exist"), err.toString());
    }

    @Test
    void secretsArePrintedMasked() throws IOException {
        Path file = file(REQUIRED + "jdbc-password = hunter2\noperator-token = s3cret-token\n");

        String printed = printConfig(file);

        assertFalse(printed.contains("hunter2") || printed.contains("s3cret-token"), printed);
        assertTrue(printed.contains("jdbc-password = ********\n"), printed);
        assertTrue(printed.contains("operator-token = ********\n"), printed);
    }

    @Test
    void everySettingOfTheReferenceFileIsTakenWithItsDefault() throws IOException {
        List<String> uncommented = new ArrayList<>();
        for (String line : reference().split("\n")) {
            if (line.matches("#[a-z][a-z0-9-]* = .+")) {
                uncommented.add(line.substring(1));
            }
        }
        Path file = file(REQUIRED + String.join("\n", uncommented) + "\n");

        String printed = printConfig(file);

        assertTrue(uncommented.size() >= 8, "the reference gives the defaults of its settings: " + uncommented);
        for (String setting : uncommented) {
            String key = setting.substring(0, setting.indexOf(" = "));
            assertTrue(printed.contains("# configuration file\n" + key + " = "), key + " in\n" + printed);
        }
    }

    @Test
    void theTimeoutsLimitsAndPeriodsAreShownWithTheirDefaults() throws IOException {
        String printed = printConfig(file(REQUIRED));

        for (String setting : List.of("client-timeout = PT10S", "round-interval = PT0.2S",
                "status-recovery-every = PT10M", "status-recovery-quiet-for = PT1H", "timestamp-life = PT5M",
                "clock-skew = PT1M", "endpoint-idle-timeout = PT30S", "slow-sender-grace = PT5S",
                "inbound-max-bytes = 8388608", "inbound-max-depth = 40", "inbound-max-child-elements = 5100",
                "inbound-max-element-count = 200000", "inbound-max-text-length = 16384", "inbound-max-attributes = 32",
                "operator-max-body-bytes = 1048576", "operator-idle-timeout = PT10S", "operator-threads = 16")) {
            assertTrue(printed.contains("# default\n" + setting + "\n"), setting + " in\n" + printed);
        }
    }

    @Test
    void theTimeoutsLimitsAndPeriodsReachTheGatewaysSettings() throws IOException {
        Path file = file(REQUIRED + "client-timeout = PT3S\nround-interval = PT0.05S\nstatus-recovery-every = PT2M\n"
                + "status-recovery-quiet-for = PT20M\ntimestamp-life = PT2M\nclock-skew = PT10S\n"
                + "endpoint-idle-timeout = PT15S\nslow-sender-grace = PT2S\ninbound-max-bytes = 4096\n"
                + "inbound-max-depth = 20\ninbound-max-child-elements = 100\ninbound-max-element-count = 1000\n"
                + "inbound-max-text-length = 512\ninbound-max-attributes = 8\noperator-max-body-bytes = 2048\n"
                + "operator-idle-timeout = PT5S\noperator-threads = 8\nretry-schedule = PT1S,PT2S\n"
                + "evidence-checkpoint-every = PT15M\nevidence-checkpoints-to-itl = false\n");
        RegistryGatewayMain main = new RegistryGatewayMain();
        CommandLine command = new CommandLine(main);
        String[] args = {"--config", file.toString()};
        Settings.of(args, "ITL_REGISTRY_CONFIG", Map.of()).installOn(command);
        command.parseArgs(args);

        RegistryGateway.Settings settings = main.gatewaySettings(TestPki.credential("NZ"), TestPki.ca().certificate(),
                List::of, DatabaseSettings.external("jdbc:postgresql://127.0.0.1:1/none", "postgres", ""), null,
                "token", null);

        assertEquals(Duration.ofSeconds(3), settings.clientTimeout());
        assertEquals(new RetrySchedule(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2))), settings.retrySchedule());
        assertEquals(new StatusRecovery(Duration.ofMinutes(2), Duration.ofMinutes(20)), settings.statusRecovery());
        assertEquals(Duration.ofMinutes(2), settings.signing().trust().timestampTtl());
        assertEquals(Duration.ofSeconds(10), settings.signing().trust().futureSkew());
        assertEquals(new InboundLimits(4096, 20, 100, 1000, 512, 8, Duration.ofSeconds(15), Duration.ofSeconds(2)),
                settings.limits().inbound());
        assertEquals(new JsonApiServer.Limits(2048, Duration.ofSeconds(5), 8), settings.limits().operatorApi());
        assertEquals(Duration.ofMillis(50), main.roundInterval);
        assertEquals(new EvidenceCheckpointing(Duration.ofMinutes(15), false), settings.evidenceCheckpoints());
    }

    @Test
    void aZeroOrNegativeDurationIsRefusedAsAUsageErrorNamingItsOption() throws IOException {
        Path file = file(REQUIRED);
        for (String[] given : List.of(new String[] {"--client-timeout", "PT0S"},
                new String[] {"--round-interval", "-PT1S"}, new String[] {"--status-recovery-every", "PT0S"},
                new String[] {"--status-recovery-quiet-for", "-PT1H"}, new String[] {"--timestamp-life", "PT0S"},
                new String[] {"--clock-skew", "-PT1S"}, new String[] {"--endpoint-idle-timeout", "PT0S"},
                new String[] {"--slow-sender-grace", "PT0S"}, new String[] {"--operator-idle-timeout", "PT0S"},
                new String[] {"--retry-schedule", "PT10S,PT0S"})) {
            String refusal = refused(file, given);

            assertTrue(refusal.contains(given[0] + " must be positive"), String.join(" ", given) + ": " + refusal);
        }
    }

    @Test
    void aLimitBelowItsLeastIsRefusedAsAUsageErrorNamingItsOption() throws IOException {
        Path file = file(REQUIRED);
        for (String[] given : List.of(new String[] {"--inbound-max-bytes", "0", "1"},
                new String[] {"--inbound-max-depth", "0", "1"}, new String[] {"--inbound-max-child-elements", "-1", "1"},
                new String[] {"--inbound-max-element-count", "0", "1"},
                new String[] {"--inbound-max-text-length", "0", "1"}, new String[] {"--inbound-max-attributes", "0", "1"},
                new String[] {"--operator-max-body-bytes", "0", "1"}, new String[] {"--operator-threads", "5", "6"})) {
            String refusal = refused(file, given[0], given[1]);

            assertTrue(refusal.contains(given[0] + " is at least " + given[2] + ", not " + given[1]),
                    given[0] + " " + given[1] + ": " + refusal);
        }
    }

    @Test
    void theReferenceFileInDocsListsEverySettingWithItsDefault() throws IOException {
        Path kept = docs().resolve("itl-registry.conf");
        if (Boolean.getBoolean(WRITE)) {
            Files.writeString(kept, reference(), StandardCharsets.UTF_8);
        }
        assertEquals(reference(), Files.readString(kept, StandardCharsets.UTF_8),
                "docs/itl-registry.conf is out of date: mvn -B -ntp test -pl gateway -Dtest=SettingsTest "
                        + "-Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE + "=true");
    }

    private static String reference() {
        return Settings.reference(new CommandLine(new RegistryGatewayMain()).getCommandSpec(),
                RegistryGatewayMain.REFERENCE_INTRODUCTION);
    }

    private String printConfig(Path file, String... more) {
        List<String> args = new ArrayList<>(List.of("--config", file.toString(), "--print-config"));
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = RegistryGatewayMain.run(Map.of(), new PrintWriter(out), new PrintWriter(err),
                args.toArray(String[]::new));
        assertEquals(0, exit, err.toString());
        return out.toString();
    }

    /** What the command says as it refuses the settings of {@code file} with {@code more} (a usage error). */
    private String refused(Path file, String... more) {
        List<String> args = new ArrayList<>(List.of("--config", file.toString(), "--print-config"));
        args.addAll(List.of(more));
        StringWriter err = new StringWriter();
        int exit = RegistryGatewayMain.run(Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(err),
                args.toArray(String[]::new));
        assertEquals(CommandLine.ExitCode.USAGE, exit, err.toString());
        return err.toString();
    }

    private Path file(String content) throws IOException {
        Path file = Files.createTempFile(directory, "registry", ".conf");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static String runInItsOwnProcess(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RegistryGatewayMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("ITL_REGISTRY_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command ended");
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    /** The project's docs/ directory, from the module's directory the tests run in. */
    private static Path docs() {
        return Path.of("").toAbsolutePath().getParent().resolve("docs");
    }
}
