package org.itlgateway.simulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.itlgateway.core.store.DatabaseSettings;
import org.itlgateway.gateway.app.RegistryGateway;
import org.itlgateway.gateway.app.SettingsOptions;
import org.itlgateway.gateway.delivery.RetrySchedule;
import org.itlgateway.gateway.http.JsonApiServer;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.node.StatusRecovery;
import org.itlgateway.simulator.conformance.ConformanceRun;
import org.itlgateway.simulator.conformance.ManualRegistry;
import org.itlgateway.simulator.conformance.OperatorApiRegistry;
import org.itlgateway.simulator.conformance.RegistryUnderTest;
import org.itlgateway.simulator.conformance.TestResult;
import org.itlgateway.simulator.control.ControlApi;
import org.itlgateway.simulator.demo.DemoEntry;
import org.itlgateway.simulator.demo.DemoReport;
import org.itlgateway.simulator.demo.DemoStory;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.network.NetworkSettings;
import org.itlgateway.simulator.network.NodeSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point of {@code ./itl-network}: starts the simulated network on embedded PostgreSQL (or the operator's),
 * prints where every node is, and either plays the demo story ({@code --demo}) or serves until stopped.
 * Every option may also be given as an environment variable (ITL_NETWORK_PORT, ITL_NETWORK_DATA_DIR ...).
 */
@Command(name = "itl-network", mixinStandardHelpOptions = true, version = "ITL Gateway 0.1.0",
        defaultValueProvider = CommandLine.PropertiesDefaultProvider.class,
        description = "Starts the simulated ITL network: the ITL, the CITL, the CDM registry and the peer registries.")
public final class NetworkMain implements Callable<Integer> {

    @Option(names = "--demo", description = "Play the scripted story end to end, print it and write the JSON report, then stop.")
    boolean demo;

    @CommandLine.Parameters(arity = "0..1", paramLabel = "conformance",
            description = "conformance: run the initialisation test plan against the registry --registry names (see "
                    + "docs/conformance.md), print the table, write the reports, then stop.")
    String mode;

    @Option(names = "--registry", description = "With conformance: the code of the registry under test (its profile is "
            + "in --profiles).")
    String conformanceRegistry;

    @Option(names = "--drive", description = "With conformance: operator-api=URL drives this project's registry gateway "
            + "through its operator API, so the plan runs unattended; without it the runner says what to do and waits.")
    String drive;

    @Option(names = "--operator-token-file", description = "With --drive: the file holding the operator API's bearer token.")
    Path operatorTokenFile;

    @Option(names = "--continue", description = "With conformance: run the categories after a failed one too.")
    boolean continueAfterFailure;

    @Option(names = "--report-dir", defaultValue = ".", description = "With conformance: where conformance-report.xml and "
            + "conformance-report.json are written (default: the working directory).")
    Path reportDirectory;

    @Option(names = "--patience", defaultValue = "PT2M", description = "With conformance: how long, on the wall clock, the "
            + "runner waits for each thing the registry or the network is to do (default: ${DEFAULT-VALUE}).")
    Duration patience;

    @Option(names = "--report", defaultValue = "${env:ITL_NETWORK_REPORT:-itl-demo-report.json}",
            description = "Where --demo writes its JSON report (default: ${DEFAULT-VALUE}).")
    Path report;

    @Option(names = "--port", defaultValue = "${env:ITL_NETWORK_PORT:-8080}",
            description = "The HTTP port of every node's endpoints; 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--control-port", defaultValue = "${env:ITL_NETWORK_CONTROL_PORT:-8090}",
            description = "The port of the testers' control API; 0 for any free port (default: ${DEFAULT-VALUE}).")
    int controlPort;

    @Option(names = "--control-host", defaultValue = "${env:ITL_NETWORK_CONTROL_HOST:-127.0.0.1}",
            description = "The interface of the control API (default: ${DEFAULT-VALUE}, this machine only; it has no "
                    + "authentication, so another interface lets anyone who reaches it steer the network).")
    String controlHost;

    @Option(names = "--control-tls-certificate", defaultValue = "${env:ITL_NETWORK_CONTROL_TLS_CERTIFICATE}",
            description = "The control API speaks TLS (https) with this certificate chain (PEM); give "
                    + "--control-tls-private-key too.")
    Path controlTlsCertificate;

    @Option(names = "--control-tls-private-key", defaultValue = "${env:ITL_NETWORK_CONTROL_TLS_PRIVATE_KEY}",
            description = "The private key (PEM) of --control-tls-certificate.")
    Path controlTlsPrivateKey;

    @Option(names = "--data-dir", defaultValue = "${env:ITL_NETWORK_DATA_DIR}",
            description = "Where the embedded PostgreSQL keeps its data (default: a new temporary directory).")
    Path dataDirectory;

    @Option(names = "--jdbc-url", defaultValue = "${env:ITL_NETWORK_JDBC_URL}",
            description = "Use this PostgreSQL instead of the embedded one (each node gets a schema).")
    String jdbcUrl;

    @Option(names = "--jdbc-user", defaultValue = "${env:ITL_NETWORK_JDBC_USER:-postgres}", description = "Its user (default: ${DEFAULT-VALUE}).")
    String jdbcUser;

    @Option(names = "--jdbc-password", defaultValue = "${env:ITL_NETWORK_JDBC_PASSWORD:-}", description = "Its password.")
    String jdbcPassword;

    @Option(names = "--profiles", defaultValue = "${env:ITL_NETWORK_PROFILES}",
            description = "A directory of peer profiles (*.json) that add to or override the built-in peers.")
    Path profiles;

    @Option(names = "--pki-dir", defaultValue = "${env:ITL_NETWORK_PKI_DIR}",
            description = "Where the network's CA is kept across runs (created on the first run; default: a new CA each run).")
    Path pkiDirectory;

    @Option(names = "--mutual-tls", defaultValue = "${env:ITL_NETWORK_MUTUAL_TLS:-false}",
            description = "Every endpoint https with client certificates of the network's CA required; every node "
                    + "calls the others with its own TLS certificate.")
    boolean mutualTls;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--reconcile-every", defaultValue = "${env:ITL_NETWORK_RECONCILE_EVERY:-P1D}",
            description = "How often, in simulated time, the ITL reconciles every registry of the running network (a "
                    + "tester's own included) and the CITL, and the CITL every EU registry (ISO-8601 duration; 'off' for "
                    + "never; not in --demo). Default: ${DEFAULT-VALUE}.")
    String reconcileEvery;

    @Option(names = "--completion-limit", defaultValue = "${env:ITL_NETWORK_COMPLETION_LIMIT:-PT24H}",
            description = "How long, in simulated time, a transaction may stay unfinished before the ITL and the "
                    + "registries terminate it (4003; ISO-8601 duration). The ITL's profile or PUT /parameters/ITL may "
                    + "set the ITL's own. Default: ${DEFAULT-VALUE}.")
    Duration completionLimit;

    @Option(names = "--fault-seed", defaultValue = "${env:ITL_NETWORK_FAULT_SEED:-0}",
            description = "The seed the fault rules' chances are drawn from: the same seed and the same scenario meet "
                    + "the same faults (POST /faults/rules, PUT /faults/rules may set another). Default: ${DEFAULT-VALUE}.")
    long faultSeed;

    @Option(names = "--start", defaultValue = "${env:ITL_NETWORK_START:-2012-01-02T09:00:00Z}",
            description = "The simulated clock's start (default: ${DEFAULT-VALUE}).")
    Instant start;

    @Option(names = "--client-timeout", defaultValue = "${env:ITL_NETWORK_CLIENT_TIMEOUT:-PT5S}",
            description = "How long a node waits for the answer to a message it sends; a delivery without one is "
                    + "tried again by --retry-schedule (default: ${DEFAULT-VALUE}).")
    Duration clientTimeout;

    @Option(names = "--retry-schedule", split = ",",
            defaultValue = "${env:ITL_NETWORK_RETRY_SCHEDULE:-PT10S,PT30S,PT1M,PT2M,PT5M,PT10M,PT30M,PT1H}",
            description = "Every node's waits before each new attempt of a delivery that got no receipt; the last "
                    + "repeats (default: ${DEFAULT-VALUE}).")
    List<Duration> retrySchedule;

    @Option(names = "--round-interval", defaultValue = "${env:ITL_NETWORK_ROUND_INTERVAL:-PT0.2S}",
            description = "The pause between two rounds of every node's work (its inbox, its duties, its outbox) "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration roundInterval;

    @Option(names = "--pool-size", defaultValue = "${env:ITL_NETWORK_POOL_SIZE:-4}",
            description = "Database connections each node keeps, at least 2; the nodes share one server "
                    + "(default: ${DEFAULT-VALUE}).")
    int poolSize;

    @Option(names = "--dead-letter-after", defaultValue = "${env:ITL_NETWORK_DEAD_LETTER_AFTER:-3}",
            description = "A delivery that fails on the sending node's side (not the peer's answer) this many times "
                    + "is set aside as a dead letter (default: ${DEFAULT-VALUE}).")
    int deadLetterAfter;

    @Option(names = "--evidence-checkpoint-every", defaultValue = "${env:ITL_NETWORK_EVIDENCE_CHECKPOINT_EVERY:-PT1H}",
            description = "How often (in simulated time) each registry signs its evidence archive's head, when it "
                    + "moved, and sends the checkpoint to the ITL (default: ${DEFAULT-VALUE}); see docs/evidence.md.")
    Duration evidenceCheckpointEvery;

    @Option(names = "--status-recovery-every", defaultValue = "${env:ITL_NETWORK_STATUS_RECOVERY_EVERY:-PT10M}",
            description = "How often, at most (in simulated time), a registry asks the ITL for the status of its open "
                    + "transactions, to recover from a lost notification (default: ${DEFAULT-VALUE}).")
    Duration statusRecoveryEvery;

    @Option(names = "--status-recovery-quiet-for", defaultValue = "${env:ITL_NETWORK_STATUS_RECOVERY_QUIET_FOR:-PT1H}",
            description = "The status of a transaction is asked once it has been open this long (default: "
                    + "${DEFAULT-VALUE}).")
    Duration statusRecoveryQuietFor;

    @Option(names = "--timestamp-life", defaultValue = "${env:ITL_NETWORK_TIMESTAMP_LIFE:-PT5M}",
            description = "How old a received message's signed WS-Security timestamp may be, on the real clock "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration timestampLife;

    @Option(names = "--clock-skew", defaultValue = "${env:ITL_NETWORK_CLOCK_SKEW:-PT1M}",
            description = "How far ahead of a node's real clock a received message's timestamp may be (default: "
                    + "${DEFAULT-VALUE}).")
    Duration clockSkew;

    @Option(names = "--endpoint-idle-timeout", defaultValue = "${env:ITL_NETWORK_ENDPOINT_IDLE_TIMEOUT:-PT30S}",
            description = "A connection to the nodes' endpoints that sends nothing this long is closed (default: "
                    + "${DEFAULT-VALUE}).")
    Duration endpointIdleTimeout;

    @Option(names = "--slow-sender-grace", defaultValue = "${env:ITL_NETWORK_SLOW_SENDER_GRACE:-PT5S}",
            description = "After this long, a sender to a node's endpoint must keep up 2 KB a second or its request "
                    + "stops being read (default: ${DEFAULT-VALUE}).")
    Duration slowSenderGrace;

    @Option(names = "--inbound-max-bytes", defaultValue = "${env:ITL_NETWORK_INBOUND_MAX_BYTES:-8388608}",
            description = "The largest SOAP message a node takes, in bytes (default: ${DEFAULT-VALUE}, 8 MB).")
    int inboundMaxBytes;

    @Option(names = "--inbound-max-depth", defaultValue = "${env:ITL_NETWORK_INBOUND_MAX_DEPTH:-40}",
            description = "The deepest nesting of elements in a received message (default: ${DEFAULT-VALUE}).")
    int inboundMaxDepth;

    @Option(names = "--inbound-max-child-elements", defaultValue = "${env:ITL_NETWORK_INBOUND_MAX_CHILD_ELEMENTS:-5100}",
            description = "The most children of one element in a received message (default: ${DEFAULT-VALUE}).")
    int inboundMaxChildElements;

    @Option(names = "--inbound-max-element-count", defaultValue = "${env:ITL_NETWORK_INBOUND_MAX_ELEMENT_COUNT:-200000}",
            description = "The most elements in a received message (default: ${DEFAULT-VALUE}).")
    int inboundMaxElementCount;

    @Option(names = "--inbound-max-text-length", defaultValue = "${env:ITL_NETWORK_INBOUND_MAX_TEXT_LENGTH:-16384}",
            description = "The most characters of one text node in a received message (default: ${DEFAULT-VALUE}).")
    int inboundMaxTextLength;

    @Option(names = "--inbound-max-attributes", defaultValue = "${env:ITL_NETWORK_INBOUND_MAX_ATTRIBUTES:-32}",
            description = "The most attributes of one element in a received message (default: ${DEFAULT-VALUE}).")
    int inboundMaxAttributes;

    @Option(names = "--operator-max-body-bytes", defaultValue = "${env:ITL_NETWORK_OPERATOR_MAX_BODY_BYTES:-1048576}",
            description = "The largest request body the registries' operator APIs read, in bytes; a larger one is "
                    + "answered 413 (default: ${DEFAULT-VALUE}, 1 MB).")
    int operatorMaxBodyBytes;

    @Option(names = "--operator-idle-timeout", defaultValue = "${env:ITL_NETWORK_OPERATOR_IDLE_TIMEOUT:-PT10S}",
            description = "A connection to a registry's operator API silent this long is closed (default: "
                    + "${DEFAULT-VALUE}).")
    Duration operatorIdleTimeout;

    @Option(names = "--operator-threads", defaultValue = "${env:ITL_NETWORK_OPERATOR_THREADS:-16}",
            description = "The most threads answering each registry's operator API, at least 6 (default: "
                    + "${DEFAULT-VALUE}).")
    int operatorThreads;

    @CommandLine.Mixin
    SettingsOptions settingsOptions;

    @CommandLine.Mixin
    org.itlgateway.gateway.logging.LogFormatOption logFormat;

    public static void main(String[] args) {
        org.itlgateway.gateway.app.ProcessSetup.forCommand();
        System.exit(run(System.getenv(), args));
    }

    /** The head of the reference configuration file, docs/itl-network.conf. */
    static final String REFERENCE_INTRODUCTION = """
            The reference configuration of ./itl-network: every setting, with what it does, its environment variable and
            its default. Copy the file, uncomment what you change, and give it with --config FILE (or ITL_NETWORK_CONFIG).
            The command line and the environment variables override the file; --print-config shows the effective values
            and where each came from. Keys are the options' names without their dashes; a list is separated by commas.""";

    /** Runs the command with these environment variables; answers its exit code. */
    static int run(java.util.Map<String, String> environment, String... args) {
        return run(environment, new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** The same, writing to {@code out} and {@code err}. */
    static int run(java.util.Map<String, String> environment, java.io.PrintWriter out, java.io.PrintWriter err,
                   String... args) {
        NetworkMain main = new NetworkMain();
        CommandLine command = new CommandLine(main).setOut(out).setErr(err);
        return SettingsOptions.execute(command, main.settingsOptions, "ITL_NETWORK_CONFIG", environment, args);
    }

    @Override
    public Integer call() throws Exception {
        SettingsOptions.requirePositiveDurations(spec);
        SettingsOptions.requireAtLeast(spec, "--operator-threads", operatorThreads, 6);
        SettingsOptions.requireAtLeast(spec, "--pool-size", poolSize, DatabaseSettings.MIN_POOL_SIZE);
        SettingsOptions.requireAtLeast(spec, "--dead-letter-after", deadLetterAfter, 1);
        for (String limit : List.of("--inbound-max-bytes", "--inbound-max-depth", "--inbound-max-child-elements",
                "--inbound-max-element-count", "--inbound-max-text-length", "--inbound-max-attributes",
                "--operator-max-body-bytes")) {
            SettingsOptions.requireAtLeast(spec, limit, spec.findOption(limit).<Integer>getValue(), 1);
        }
        if (settingsOptions.printed(spec)) {
            return 0;
        }
        logFormat.apply(spec, NetworkMain.class);
        boolean conformance = conformanceMode();
        Duration every = demo || conformance ? null : reconciliationPeriod();
        org.itlgateway.gateway.pki.Credential controlCredential = controlTls();
        NetworkSettings settings = NetworkSettings.defaults().withPort(demo && port == 8080 ? 0 : port)
                .withDataDirectory(dataDirectory).withStart(start).withProfiles(profiles).withPkiDirectory(pkiDirectory)
                .withMutualTls(mutualTls).withCompletionLimit(completionLimit)
                .withFaultSeed(faultSeed).withClientTimeout(clientTimeout).withNodes(nodeSettings());
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            settings = settings.withDatabase(jdbcUrl, jdbcUser, jdbcPassword);
        }
        PrintStream out = System.out;
        out.println("Starting the simulated network (embedded PostgreSQL unless --jdbc-url is given) ...");
        try (Network network = Network.start(settings);
             ControlApi control = ControlApi.start(network, controlHost, demo && controlPort == 8090 ? 0 : controlPort,
                     controlCredential)) {
            printNodes(out, network);
            out.println();
            out.println("Control API (clock, faults, journal, certificates): " + control.address()
                    + "   e.g. curl " + control.address() + "/network");
            if (demo) {
                return playDemo(out, network);
            }
            if (conformance) {
                return playConformance(out, network);
            }
            if (every != null) {
                network.reconciliations().forEach(log -> log.schedule((String) null, every));
                out.println("The ITL reconciles every registry and the CITL, and the CITL every EU registry, every "
                        + every + " of simulated time (--reconcile-every).");
            }
            network.clock().run();
            network.startLoops(roundInterval);
            out.println();
            out.println("Serving. Simulated time runs from " + network.clock().instant() + ". Stop with Ctrl-C.");
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                out.println("Stopping the network ...");
                network.close();
                stopped.countDown();
            }));
            stopped.await();
            return 0;
        }
    }

    /** How every node runs: retries, limits, status recovery, timestamps. */
    NodeSettings nodeSettings() {
        return new NodeSettings(new RetrySchedule(retrySchedule), new RegistryGateway.Limits(
                new InboundLimits(inboundMaxBytes, inboundMaxDepth, inboundMaxChildElements, inboundMaxElementCount,
                        inboundMaxTextLength, inboundMaxAttributes, endpointIdleTimeout, slowSenderGrace),
                new JsonApiServer.Limits(operatorMaxBodyBytes, operatorIdleTimeout, operatorThreads)),
                new StatusRecovery(statusRecoveryEvery, statusRecoveryQuietFor), timestampLife, clockSkew, poolSize,
                deadLetterAfter, evidenceCheckpointEvery);
    }

    /** Whether the command is {@code conformance}; checks its options. */
    private boolean conformanceMode() {
        if (mode == null) {
            if (conformanceRegistry != null || drive != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--registry and --drive go with conformance");
            }
            return false;
        }
        if (!"conformance".equals(mode)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown command " + mode + "; the one there is: conformance");
        }
        if (demo) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --demo or conformance, not both");
        }
        if (conformanceRegistry == null || conformanceRegistry.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "conformance needs --registry CODE");
        }
        if (drive != null && !drive.startsWith("operator-api=")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--drive is operator-api=URL, not " + drive);
        }
        if (patience.isNegative() || patience.isZero()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--patience must be positive");
        }
        return true;
    }

    private int playConformance(PrintStream out, Network network) {
        RegistryUnderTest registry = drive == null
                ? new ManualRegistry(conformanceRegistry, out)
                : OperatorApiRegistry.withTokenFile(conformanceRegistry,
                        drive.substring("operator-api=".length()), operatorTokenFile);
        network.clock().run();
        network.startLoops(roundInterval);
        out.println();
        List<TestResult> results = new ConformanceRun(network, registry, continueAfterFailure, patience, out).play();
        boolean passed = ConformanceRun.report(results, conformanceRegistry, reportDirectory, out);
        return passed ? 0 : 1;
    }

    /** The schedule's period, or null for none ({@code off}). */
    private Duration reconciliationPeriod() {
        if (reconcileEvery == null || reconcileEvery.isBlank() || "off".equalsIgnoreCase(reconcileEvery.trim())) {
            return null;
        }
        try {
            Duration every = Duration.parse(reconcileEvery.trim());
            if (every.isNegative() || every.isZero()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--reconcile-every must be positive");
            }
            return every;
        } catch (java.time.format.DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--reconcile-every is an ISO-8601 duration such as P1D or PT6H, or off; not " + reconcileEvery);
        }
    }

    private int playDemo(PrintStream out, Network network) {
        out.println();
        out.println("Playing the demo story (simulated dates; every message is signed SOAP over HTTP between the nodes) ...");
        DemoStory story = new DemoStory(network);
        List<DemoEntry> entries = story.play();
        out.println();
        DemoReport.printTable(out, entries);
        out.println();
        for (DemoEntry entry : entries) {
            if (!entry.note().startsWith("follow-up")) {
                out.printf("  step %2d: %s%n", entry.step(), entry.note());
            }
        }
        for (String attestation : story.attestations()) {
            out.println();
            out.println(attestation);
        }
        out.println();
        out.println(story.reconciliationLine());
        DemoReport.writeJson(report, entries, story.attestations());
        out.println();
        out.println("Report written to " + report.toAbsolutePath());
        return 0;
    }

    private static void printNodes(PrintStream out, Network network) {
        out.println();
        out.printf("%-6s %-48s %-58s %s%n", "Node", "Endpoint", "WSDL", "Operator API");
        for (String node : network.nodes()) {
            String address = network.addressOf(node);
            out.printf("%-6s %-48s %-58s %s%n", node, address, address + "?wsdl",
                    network.operatorAddressOf(node).orElse("-"));
        }
    }

    /** The control API's TLS credential, or none for plain HTTP. */
    private org.itlgateway.gateway.pki.Credential controlTls() {
        return org.itlgateway.gateway.app.PemOptions.credential(spec, controlTlsCertificate, "--control-tls-certificate",
                controlTlsPrivateKey, "--control-tls-private-key");
    }
}
