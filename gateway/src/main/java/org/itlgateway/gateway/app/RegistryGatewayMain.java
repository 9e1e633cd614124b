package org.itlgateway.gateway.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.store.DatabaseSettings;
import org.itlgateway.gateway.clock.SimulatedTimeSource;
import org.itlgateway.gateway.database.EmbeddedServer;
import org.itlgateway.gateway.evidence.EvidenceCheckpointing;
import org.itlgateway.gateway.http.JsonApiServer;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.logging.LogFormatOption;
import org.itlgateway.gateway.node.ProjectTable;
import org.itlgateway.gateway.node.StatusRecovery;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.pki.PkiFiles;
import org.itlgateway.gateway.security.SigningSettings;
import org.itlgateway.gateway.security.TrustSettings;
import org.itlgateway.gateway.transport.TlsSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point of {@code ./itl-registry}: runs one registry's gateway (a national registry's, or the CDM registry's) against an ITL (the simulator's or
 * another), on embedded PostgreSQL or the operator's. Every option may also be given as an environment variable
 * (ITL_REGISTRY_CODE, ITL_REGISTRY_ITL ...).
 */
@Command(name = "itl-registry", mixinStandardHelpOptions = true, version = "ITL Gateway 0.1.0",
        description = "Runs a registry's gateway (any code, CDM included): its signed RegistryService endpoint, inbox and outbox, and operator API.")
public final class RegistryGatewayMain implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--code", required = true, defaultValue = "${env:ITL_REGISTRY_CODE}",
            description = "The registry's code, as its certificate names it (e.g. NZ).")
    String code;

    @Option(names = "--itl", required = true, defaultValue = "${env:ITL_REGISTRY_ITL}",
            description = "The ITL's TransactionLogService address, e.g. http://127.0.0.1:8080/ITL.")
    String itl;

    @Option(names = "--endpoint", defaultValue = "${env:ITL_REGISTRY_ENDPOINT:-http://127.0.0.1:8443/registry}",
            description = "Where to publish the registry's RegistryService (default: ${DEFAULT-VALUE}).")
    String endpoint;

    @Option(names = "--pkcs12", defaultValue = "${env:ITL_REGISTRY_PKCS12}",
            description = "The registry's key and certificate chain as PKCS#12 (or give --certificate and --private-key).")
    Path pkcs12;

    @Option(names = "--pkcs12-password", defaultValue = "${env:ITL_REGISTRY_PKCS12_PASSWORD:-}", description = "Its password.")
    String pkcs12Password;

    @Option(names = "--certificate", defaultValue = "${env:ITL_REGISTRY_CERTIFICATE}", description = "The certificate chain (PEM).")
    Path certificate;

    @Option(names = "--private-key", defaultValue = "${env:ITL_REGISTRY_PRIVATE_KEY}", description = "The private key (PEM).")
    Path privateKey;

    @Option(names = "--trust-anchor", required = true, defaultValue = "${env:ITL_REGISTRY_TRUST_ANCHOR}",
            description = "The CA certificate (PEM) every peer's signature must chain to.")
    Path trustAnchor;

    @Option(names = "--crl", defaultValue = "${env:ITL_REGISTRY_CRL}",
            description = "The CA's certificate revocation list (PEM), read again whenever the file changes.")
    Path crl;

    @Option(names = "--tls-pkcs12", defaultValue = "${env:ITL_REGISTRY_TLS_PKCS12}",
            description = "Mutual TLS on the endpoint (https) and towards the ITL with this TLS key and certificate "
                    + "(PKCS#12, e.g. from 'pki issue --tls-host'); peers must chain to --trust-anchor.")
    Path tlsPkcs12;

    @Option(names = "--tls-pkcs12-password", defaultValue = "${env:ITL_REGISTRY_TLS_PKCS12_PASSWORD:-}", description = "Its password.")
    String tlsPkcs12Password;

    @Option(names = "--data-dir", defaultValue = "${env:ITL_REGISTRY_DATA_DIR}",
            description = "Where the embedded PostgreSQL keeps its data (default: a new temporary directory).")
    Path dataDirectory;

    @Option(names = "--jdbc-url", defaultValue = "${env:ITL_REGISTRY_JDBC_URL}",
            description = "Use this PostgreSQL instead of the embedded one.")
    String jdbcUrl;

    @Option(names = "--jdbc-user", defaultValue = "${env:ITL_REGISTRY_JDBC_USER:-postgres}", description = "Its user (default: ${DEFAULT-VALUE}).")
    String jdbcUser;

    @Option(names = "--jdbc-password", defaultValue = "${env:ITL_REGISTRY_JDBC_PASSWORD:-}", description = "Its password.")
    String jdbcPassword;

    @Option(names = "--schema", defaultValue = "${env:ITL_REGISTRY_SCHEMA}",
            description = "The schema of the registry's tables (default: the registry code in lower case).")
    String schema;

    @Option(names = "--operator-host", defaultValue = "${env:ITL_REGISTRY_OPERATOR_HOST:-127.0.0.1}",
            description = "The operator API's interface, a loopback one unless the API speaks TLS (--operator-tls-*): "
                    + "without TLS any other is refused "
                    + "(default: ${DEFAULT-VALUE}).")
    String operatorHost;

    @Option(names = "--operator-tls-certificate", defaultValue = "${env:ITL_REGISTRY_OPERATOR_TLS_CERTIFICATE}",
            description = "The operator API speaks TLS (https) with this certificate chain (PEM), e.g. from "
                    + "'pki issue --tls-host'; it may then listen on any interface. Give --operator-tls-private-key too.")
    Path operatorTlsCertificate;

    @Option(names = "--operator-tls-private-key", defaultValue = "${env:ITL_REGISTRY_OPERATOR_TLS_PRIVATE_KEY}",
            description = "The private key (PEM) of --operator-tls-certificate.")
    Path operatorTlsPrivateKey;

    @Option(names = "--operator-port", defaultValue = "${env:ITL_REGISTRY_OPERATOR_PORT:-8081}",
            description = "The operator API's port; 0 for any free port (default: ${DEFAULT-VALUE}).")
    int operatorPort;

    @Option(names = "--operator-token", defaultValue = "${env:ITL_REGISTRY_OPERATOR_TOKEN}",
            description = "The bearer token every operator API request must carry (better given as the environment "
                    + "variable, out of the process list); default: the one in --operator-token-file.")
    String operatorToken;

    @Option(names = "--operator-token-file", defaultValue = "${env:ITL_REGISTRY_OPERATOR_TOKEN_FILE:-operator-token}",
            description = "Without --operator-token, the token is read from this file, generated there on the first "
                    + "start (readable by its owner only) (default: ${DEFAULT-VALUE}).")
    Path operatorTokenFile;

    @Option(names = "--eu-member", defaultValue = "${env:ITL_REGISTRY_EU_MEMBER:-false}",
            description = "An EU registry: its transactions also wait for the CITL's supplementary checks.")
    boolean euMember;

    @Option(names = "--citl", defaultValue = "${env:ITL_REGISTRY_CITL}",
            description = "The CITL's TransactionLogService, for an EU registry the CITL reconciles (with --eu-member):"
                    + " the registry then takes the CITL's reconciliation requests and answers them there.")
    String citl;

    @Option(names = "--completion-limit", defaultValue = "${env:ITL_REGISTRY_COMPLETION_LIMIT:-PT24H}",
            description = "A transaction not final this long after its proposal is terminated (default: ${DEFAULT-VALUE}).")
    Duration completionLimit;

    @Option(names = "--projects", defaultValue = "${env:ITL_REGISTRY_PROJECTS}",
            description = "The CDM registry's project reference table (JSON), added to its own when missing there.")
    Path projects;

    @Option(names = "--start", defaultValue = "${env:ITL_REGISTRY_START}",
            description = "Run the registry's clock from this instant, at real speed (to pair it with a simulated network "
                    + "started with the same --start); default: the system clock.")
    Instant start;

    @Option(names = "--simulated-time-from", defaultValue = "${env:ITL_REGISTRY_SIMULATED_TIME_FROM}",
            description = "Pair the registry's clock with a simulated network's: its control API's address (e.g. "
                    + "http://127.0.0.1:8090); the time is read from its GET /clock at start and every 10 seconds, so "
                    + "the registry follows when the network's clock is moved. Instead of --start.")
    java.net.URI simulatedTimeFrom;

    @Option(names = "--pool-size", defaultValue = "${env:ITL_REGISTRY_POOL_SIZE:-10}",
            description = "Database connections the gateway keeps, at least 2 (default: ${DEFAULT-VALUE}).")
    int poolSize;

    @Option(names = "--retry-schedule", split = ",",
            defaultValue = "${env:ITL_REGISTRY_RETRY_SCHEDULE:-PT10S,PT30S,PT1M,PT2M,PT5M,PT10M,PT30M,PT1H}",
            description = "Waits before each new attempt of a delivery that got no receipt; the last repeats (default: ${DEFAULT-VALUE}).")
    List<Duration> retrySchedule;

    @Option(names = "--dead-letter-after", defaultValue = "${env:ITL_REGISTRY_DEAD_LETTER_AFTER:-3}",
            description = "A delivery that fails on this side (not the peer's answer: a fault of the gateway) this many "
                    + "times is set aside as a dead letter, for an operator to retry or discard (default: ${DEFAULT-VALUE}).")
    int deadLetterAfter;

    @Option(names = "--evidence-checkpoint-every", defaultValue = "${env:ITL_REGISTRY_EVIDENCE_CHECKPOINT_EVERY:-PT1H}",
            description = "How often the registry signs its evidence archive's head, when it moved (default: "
                    + "${DEFAULT-VALUE}); see docs/evidence.md.")
    Duration evidenceCheckpointEvery;

    @Option(names = "--evidence-checkpoints-to-itl", arity = "1",
            defaultValue = "${env:ITL_REGISTRY_EVIDENCE_CHECKPOINTS_TO_ITL:-true}",
            description = "Whether each evidence checkpoint is sent to the ITL (acceptEvidenceCheckpoint, this "
                    + "project's addition to the DES); false for an ITL that speaks only the DES (default: "
                    + "${DEFAULT-VALUE}); see docs/evidence.md.")
    boolean evidenceCheckpointsToItl;

    @Option(names = "--client-timeout", defaultValue = "${env:ITL_REGISTRY_CLIENT_TIMEOUT:-PT10S}",
            description = "How long the gateway waits for the ITL's (or the CITL's) answer to a message it sends; a "
                    + "delivery without one is tried again by --retry-schedule (default: ${DEFAULT-VALUE}).")
    Duration clientTimeout;

    @Option(names = "--round-interval", defaultValue = "${env:ITL_REGISTRY_ROUND_INTERVAL:-PT0.2S}",
            description = "The pause between two rounds of the gateway's work (its inbox, its duties, its outbox) "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration roundInterval;

    @Option(names = "--status-recovery-every", defaultValue = "${env:ITL_REGISTRY_STATUS_RECOVERY_EVERY:-PT10M}",
            description = "How often, at most, the registry asks the ITL for the status of its open transactions, to "
                    + "recover from a lost notification (default: ${DEFAULT-VALUE}).")
    Duration statusRecoveryEvery;

    @Option(names = "--status-recovery-quiet-for", defaultValue = "${env:ITL_REGISTRY_STATUS_RECOVERY_QUIET_FOR:-PT1H}",
            description = "The status of a transaction is asked once it has been open this long (default: "
                    + "${DEFAULT-VALUE}).")
    Duration statusRecoveryQuietFor;

    @Option(names = "--timestamp-life", defaultValue = "${env:ITL_REGISTRY_TIMESTAMP_LIFE:-PT5M}",
            description = "How old a received message's signed WS-Security timestamp may be; an older one is refused, "
                    + "so a captured message is not good for long (default: ${DEFAULT-VALUE}).")
    Duration timestampLife;

    @Option(names = "--clock-skew", defaultValue = "${env:ITL_REGISTRY_CLOCK_SKEW:-PT1M}",
            description = "How far ahead of this gateway's clock a received message's timestamp may be (the senders' "
                    + "clocks differ) (default: ${DEFAULT-VALUE}).")
    Duration clockSkew;

    @Option(names = "--endpoint-idle-timeout", defaultValue = "${env:ITL_REGISTRY_ENDPOINT_IDLE_TIMEOUT:-PT30S}",
            description = "A connection to the RegistryService endpoint that sends nothing this long is closed "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration endpointIdleTimeout;

    @Option(names = "--slow-sender-grace", defaultValue = "${env:ITL_REGISTRY_SLOW_SENDER_GRACE:-PT5S}",
            description = "After this long, a sender to the RegistryService endpoint must keep up 2 KB a second or "
                    + "its request stops being read (default: ${DEFAULT-VALUE}).")
    Duration slowSenderGrace;

    @Option(names = "--inbound-max-bytes", defaultValue = "${env:ITL_REGISTRY_INBOUND_MAX_BYTES:-8388608}",
            description = "The largest SOAP message the endpoint takes, in bytes; a larger one is refused "
                    + "(default: ${DEFAULT-VALUE}, 8 MB: a proposal of 3,000 blocks is about 3 MB).")
    int inboundMaxBytes;

    @Option(names = "--inbound-max-depth", defaultValue = "${env:ITL_REGISTRY_INBOUND_MAX_DEPTH:-40}",
            description = "The deepest nesting of elements in a received message (default: ${DEFAULT-VALUE}).")
    int inboundMaxDepth;

    @Option(names = "--inbound-max-child-elements", defaultValue = "${env:ITL_REGISTRY_INBOUND_MAX_CHILD_ELEMENTS:-5100}",
            description = "The most children of one element in a received message (default: ${DEFAULT-VALUE}).")
    int inboundMaxChildElements;

    @Option(names = "--inbound-max-element-count", defaultValue = "${env:ITL_REGISTRY_INBOUND_MAX_ELEMENT_COUNT:-200000}",
            description = "The most elements in a received message (default: ${DEFAULT-VALUE}).")
    int inboundMaxElementCount;

    @Option(names = "--inbound-max-text-length", defaultValue = "${env:ITL_REGISTRY_INBOUND_MAX_TEXT_LENGTH:-16384}",
            description = "The most characters of one text node in a received message (default: ${DEFAULT-VALUE}).")
    int inboundMaxTextLength;

    @Option(names = "--inbound-max-attributes", defaultValue = "${env:ITL_REGISTRY_INBOUND_MAX_ATTRIBUTES:-32}",
            description = "The most attributes of one element in a received message (default: ${DEFAULT-VALUE}).")
    int inboundMaxAttributes;

    @Option(names = "--operator-max-body-bytes", defaultValue = "${env:ITL_REGISTRY_OPERATOR_MAX_BODY_BYTES:-1048576}",
            description = "The largest operator API request body, in bytes; a larger one is answered 413 "
                    + "(default: ${DEFAULT-VALUE}, 1 MB).")
    int operatorMaxBodyBytes;

    @Option(names = "--operator-idle-timeout", defaultValue = "${env:ITL_REGISTRY_OPERATOR_IDLE_TIMEOUT:-PT10S}",
            description = "A connection to the operator API silent this long is closed (default: ${DEFAULT-VALUE}).")
    Duration operatorIdleTimeout;

    @Option(names = "--operator-threads", defaultValue = "${env:ITL_REGISTRY_OPERATOR_THREADS:-16}",
            description = "The most threads answering the operator API, at least 6 (default: ${DEFAULT-VALUE}).")
    int operatorThreads;

    @CommandLine.Mixin
    SettingsOptions settingsOptions;

    @CommandLine.Mixin
    LogFormatOption logFormat;

    public static void main(String[] args) {
        ProcessSetup.forCommand();
        System.exit(run(System.getenv(), args));
    }

    /** The head of the reference configuration file, docs/itl-registry.conf. */
    static final String REFERENCE_INTRODUCTION = """
            The reference configuration of ./itl-registry: every setting, with what it does, its environment variable and
            its default. Copy the file, uncomment what you change, and give it with --config FILE (or ITL_REGISTRY_CONFIG).
            The command line and the environment variables override the file; --print-config shows the effective values
            and where each came from. Keys are the options' names without their dashes; a list is separated by commas.""";

    /** Runs the command with these environment variables; answers its exit code. */
    static int run(java.util.Map<String, String> environment, String... args) {
        return run(environment, new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** The same, writing to {@code out} and {@code err}. */
    static int run(java.util.Map<String, String> environment, java.io.PrintWriter out, java.io.PrintWriter err,
                   String... args) {
        RegistryGatewayMain main = new RegistryGatewayMain();
        CommandLine command = new CommandLine(main).setOut(out).setErr(err)
                .setExecutionExceptionHandler((failure, line, parsed) -> {
                    line.getErr().println("itl-registry: " + failure.getMessage()
                            + (failure.getCause() == null ? "" : " (" + failure.getCause().getMessage() + ")"));
                    return 1;
                });
        return SettingsOptions.execute(command, main.settingsOptions, "ITL_REGISTRY_CONFIG", environment, args);
    }

    @Override
    public Integer call() throws Exception {
        SettingsOptions.requirePositiveDurations(spec);
        SettingsOptions.requireAtLeast(spec, "--operator-threads", operatorThreads, 6);
        for (String limit : List.of("--inbound-max-bytes", "--inbound-max-depth", "--inbound-max-child-elements",
                "--inbound-max-element-count", "--inbound-max-text-length", "--inbound-max-attributes",
                "--operator-max-body-bytes")) {
            SettingsOptions.requireAtLeast(spec, limit, spec.findOption(limit).<Integer>getValue(), 1);
        }
        if (settingsOptions.printed(spec)) {
            return 0;
        }
        logFormat.apply(spec, RegistryGatewayMain.class);
        Credential operatorTls = operatorTls();
        if (operatorTls == null) {
            org.itlgateway.gateway.operator.OperatorApi.requireLoopback(operatorHost);
        }
        Credential credential = credential();
        Supplier<List<X509CRL>> crls = crls();
        crls.get(); // an unreadable CRL stops the start here, before any database is touched
        String token = operatorToken();
        java.security.cert.X509Certificate anchor = PkiFiles.readCertificates(trustAnchor).get(0);
        TlsSettings tls = tlsPkcs12 == null ? null
                : new TlsSettings(PkiFiles.readPkcs12(tlsPkcs12, tlsPkcs12Password.toCharArray()), anchor);
        PrintStream out = System.out;
        if (poolSize < DatabaseSettings.MIN_POOL_SIZE) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--pool-size is at least "
                    + DatabaseSettings.MIN_POOL_SIZE + " (the schema migrations hold one connection for their lock while "
                    + "they work on another), not " + poolSize);
        }
        if (citl != null && !euMember) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--citl is for an EU registry: give --eu-member too");
        }
        if (start != null && simulatedTimeFrom != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give either --start or --simulated-time-from, not both");
        }
        Clock clock = clock(); // a simulated network that cannot be reached stops the start here
        EmbeddedServer embedded = null;
        DatabaseSettings database;
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            database = DatabaseSettings.external(jdbcUrl, jdbcUser, jdbcPassword);
        } else {
            out.println("Starting embedded PostgreSQL ...");
            embedded = EmbeddedServer.startOwned(dataDirectory, 0);
            database = embedded.settings();
        }
        RegistryGateway.Settings settings = gatewaySettings(credential, anchor, crls, database, tls, token, operatorTls);
        RegistryGateway gateway;
        try {
            gateway = RegistryGateway.start(settings, clock);
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
        gateway.startLoops(roundInterval);
        out.println(code + " registry gateway");
        out.println("  RegistryService  " + endpoint);
        out.println("  ITL              " + itl);
        out.println("  operator API     " + gateway.operatorAddress() + "   e.g. curl -H \"Authorization: Bearer $(cat "
                + (operatorToken != null && !operatorToken.isBlank() ? "<your token file>" : operatorTokenFile.toAbsolutePath())
                + ")\" " + gateway.operatorAddress() + "/registry");
        out.println("Serving. Stop with Ctrl-C.");
        CountDownLatch stopped = new CountDownLatch(1);
        EmbeddedServer server = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            if (server != null) {
                server.close();
            }
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /**
     * The gateway's settings from the parsed options, with the credential, the trust anchor and its CRLs, the database,
     * the TLS settings, the operator token and the operator API's TLS credential read or started from them.
     */
    RegistryGateway.Settings gatewaySettings(Credential credential, java.security.cert.X509Certificate anchor,
                                             Supplier<List<X509CRL>> crls, DatabaseSettings database, TlsSettings tls,
                                             String token, Credential operatorTls) {
        String tables = schema == null || schema.isBlank() ? code.toLowerCase(Locale.ROOT) : schema;
        TrustSettings trust = TrustSettings.of(anchor, crls, timestampLife, clockSkew);
        return new RegistryGateway.Settings(RegistryCode.of(code), endpoint, itl,
                new SigningSettings(credential, trust), database.withSchema(tables).withPoolSize(poolSize), operatorHost,
                operatorPort, clientTimeout, completionLimit, euMember,
                projects == null ? List.of() : ProjectTable.read(projects), tls, token,
                new org.itlgateway.gateway.delivery.RetrySchedule(retrySchedule), deadLetterAfter)
                .withOperatorTls(operatorTls).withSupplementaryLog(citl)
                .withEvidenceCheckpoints(new EvidenceCheckpointing(evidenceCheckpointEvery, evidenceCheckpointsToItl)).withLimits(limits())
                .withStatusRecovery(new StatusRecovery(statusRecoveryEvery, statusRecoveryQuietFor));
    }

    /** What the endpoint and the operator API take in at most. */
    private RegistryGateway.Limits limits() {
        return new RegistryGateway.Limits(new InboundLimits(inboundMaxBytes, inboundMaxDepth, inboundMaxChildElements,
                inboundMaxElementCount, inboundMaxTextLength, inboundMaxAttributes, endpointIdleTimeout, slowSenderGrace),
                new JsonApiServer.Limits(operatorMaxBodyBytes, operatorIdleTimeout, operatorThreads));
    }

    /** The token given, or the one kept in the token file (generated there on the first start). */
    private String operatorToken() {
        if (operatorToken != null && !operatorToken.isBlank()) {
            return operatorToken;
        }
        org.itlgateway.gateway.operator.OperatorToken stored = org.itlgateway.gateway.operator.OperatorToken.storedIn(operatorTokenFile);
        System.out.println((stored.created() ? "Generated the operator API's token into " : "The operator API's token is in ")
                + operatorTokenFile.toAbsolutePath() + " (readable by you only): send it as Authorization: Bearer <token>");
        return stored.value();
    }

    private Clock clock() {
        Clock system = Clock.systemUTC();
        if (simulatedTimeFrom != null) {
            return SimulatedTimeSource.of(simulatedTimeFrom, system).refreshEvery(Duration.ofSeconds(10)).clock();
        }
        return start == null ? system : Clock.offset(system, Duration.between(system.instant(), start));
    }

    /** The operator API's TLS credential, or none for plain HTTP. */
    private Credential operatorTls() {
        return PemOptions.credential(spec, operatorTlsCertificate, "--operator-tls-certificate", operatorTlsPrivateKey,
                "--operator-tls-private-key");
    }

    private Credential credential() {
        if (pkcs12 != null) {
            return PkiFiles.readPkcs12(pkcs12, pkcs12Password.toCharArray());
        }
        if (certificate == null || privateKey == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give the registry's credential: --pkcs12, or --certificate and --private-key");
        }
        return PkiFiles.readCredential(certificate, privateKey);
    }

    /** The CRL, read again when its file changes; none when no file is given. */
    private Supplier<List<X509CRL>> crls() {
        if (crl == null) {
            return List::of;
        }
        return new Supplier<>() {
            private Instant readAt = Instant.MIN;
            private List<X509CRL> current = List.of();

            @Override
            public synchronized List<X509CRL> get() {
                try {
                    Instant modified = Files.getLastModifiedTime(crl).toInstant();
                    if (!modified.equals(readAt)) {
                        current = List.of(PkiFiles.readCrl(crl));
                        readAt = modified;
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("the CRL " + crl + " cannot be read", e);
                }
                return current;
            }
        };
    }
}
