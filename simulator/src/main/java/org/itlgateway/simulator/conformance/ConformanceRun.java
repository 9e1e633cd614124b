package org.itlgateway.simulator.conformance;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.gateway.transport.SoapClients;
import org.itlgateway.gateway.wire.EnvelopeMapping;
import org.itlgateway.schemas.DesContract;
import org.itlgateway.schemas.v1.registry.ProvideTime;
import org.itlgateway.schemas.v1.registry.RefusalFault;
import org.itlgateway.schemas.v1.registry.RegistryPortType;
import org.itlgateway.simulator.duties.TimeCheck;
import org.itlgateway.simulator.journal.JournalEntry;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.profile.PeerProfile;
import org.itlgateway.simulator.terminal.Progress;

/**
 * A conformance run against one registry of a running network: checks the network knows the registry, waits until
 * it answers, opens the plan's accounts, plays the plan, prints the table and writes the reports.
 */
public final class ConformanceRun {

    /** How long the runner waits for the registry's answer when it asks itself whether the answer is signed wrongly. */
    private static final Duration SIGNER_CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final Network network;
    private final RegistryUnderTest registry;
    private final boolean continueAfterFailure;
    private final Duration patience;
    private final Duration answerPatience;
    private final PrintStream out;

    /**
     * @param patience how long to wait, on the wall clock, for each thing the network or the registry is to do (and
     *                 for the registry to answer at all before the plan starts)
     */
    public ConformanceRun(Network network, RegistryUnderTest registry, boolean continueAfterFailure, Duration patience,
                          PrintStream out) {
        this(network, registry, continueAfterFailure, patience, patience, out);
    }

    private ConformanceRun(Network network, RegistryUnderTest registry, boolean continueAfterFailure, Duration patience,
                           Duration answerPatience, PrintStream out) {
        this.network = network;
        this.registry = registry;
        this.continueAfterFailure = continueAfterFailure;
        this.patience = patience;
        this.answerPatience = answerPatience;
        this.out = out;
    }

    /**
     * The same run, waiting at most {@code answerPatience} (less than the patience) for the registry's answer to a
     * proposal the ITL forwarded to it, from its receipt: for a registry known not to answer them.
     */
    public ConformanceRun answeringWithin(Duration answerPatience) {
        return new ConformanceRun(network, registry, continueAfterFailure, patience, answerPatience, out);
    }

    /** Plays the plan; answers every test's result in plan order. */
    public List<TestResult> play() {
        PeerProfile profile = network.profiles().find(registry.code()).orElseThrow(() -> new IllegalArgumentException(
                "the network has no registry " + registry.code() + ": give its profile with --profiles"));
        Conformance conformance = new Conformance(network, registry, patience, answerPatience);
        out.println("Conformance of " + registry.code() + " (" + conformance.kind() + " registry) at " + network.addressOf(profile.code())
                + (registry.driven() ? ", driven through its operator API" : ", driven by its operator on this terminal"));
        try {
            awaitAnswer(conformance);
        } catch (ConformanceFailure e) {
            String reason = registry.code() + " did not answer the ITL: " + e.getMessage() + "; asked directly, "
                    + askedDirectly();
            out.println(reason);
            return ConformancePlan.tests().stream().map(test -> !test.appliesTo(conformance.kind())
                    ? TestResult.notRun(test, Outcome.NOT_APPLICABLE, "not a test for a registry of kind " + conformance.kind())
                    : test.category() == Category.COMMUNICATION ? TestResult.notRun(test, Outcome.FAILED, reason)
                    : TestResult.notRun(test, Outcome.SKIPPED, "category " + Category.COMMUNICATION.first() + " ("
                            + Category.COMMUNICATION.title() + ") failed: " + registry.code() + " did not answer the ITL"))
                    .toList();
        }
        ConformancePlan.prepare(conformance);
        MessageCapture capture = new MessageCapture() {
            @Override
            public long begin() {
                return conformance.journalMark();
            }

            @Override
            public List<JournalEntry> end(long mark) {
                return conformance.messagesSince(mark);
            }
        };
        List<ConformanceTest> plan = ConformancePlan.tests();
        try (Progress progress = Progress.of("conformance of " + registry.code(), plan.size())) {
            PlanRunner runner = new PlanRunner(continueAfterFailure, capture, test -> progress.say("test "
                    + (plan.indexOf(test) + 1) + " of " + plan.size() + ": " + test.number() + " " + test.name()), result -> {
                        progress.step();
                        out.printf("  %d %-66s %s%s%n", result.test().number(), result.test().name(), result.outcome(),
                                result.reason() == null ? "" : ": " + result.reason());
                    });
            return runner.run(plan, conformance.kind(), conformance);
        }
    }

    /**
     * Waits until the registry answers the ITL's time check (it may be started after the network), or until the
     * runner, asking itself once the ITL could not, finds the registry answers but signs its answer wrongly (another
     * registry's certificate, no signature, an unsigned confirmation): a running registry's signing does not change.
     */
    private void awaitAnswer(Conformance conformance) {
        out.println("Waiting up to " + patience.toSeconds() + " s for " + registry.code() + " to answer the ITL ...");
        String address = network.addressOf(registry.code());
        boolean[] unreachable = {false};
        conformance.awaitUnlessSettled(registry.code() + " to answer the ITL's provideTime at " + address, () -> {
            Optional<TimeCheck> answered = network.duties().timeChecks().check(RegistryCode.of(registry.code())).stream()
                    .filter(check -> check.status() != TimeCheck.Status.UNREACHABLE).findFirst();
            unreachable[0] = answered.isEmpty();
            return answered;
        }, () -> unreachable[0] && askDirectly(SIGNER_CHECK_TIMEOUT).signedWrongly()
                ? Optional.of("its answer to the ITL's provideTime at " + address + " is signed wrongly")
                : Optional.empty(), Duration.ofSeconds(2));
    }

    /** What came back when the runner asked the registry's time itself. */
    private record DirectAnswer(String text, boolean signedWrongly) {
    }

    /**
     * Why the registry's answers do not reach the ITL: the runner asks its time itself, in the ITL's name, and says what
     * came back (the answer's signature checks name a wrong signer, a connection is refused ...).
     */
    private String askedDirectly() {
        return askDirectly(patience).text();
    }

    private DirectAnswer askDirectly(Duration timeout) {
        RegistryPortType client = SoapClients.registry(network.addressOf(registry.code()), registry.code(),
                network.signaturesOf("ITL"), timeout, network.tlsOf("ITL"));
        try {
            client.provideTime(EnvelopeMapping.write(new Envelope("ITL", registry.code(), DesContract.MAJOR_VERSION,
                    DesContract.MINOR_VERSION), new ProvideTime()));
            return new DirectAnswer("it answers the runner's provideTime", false);
        } catch (RefusalFault | RuntimeException e) {
            Throwable cause = e;
            StringBuilder causes = new StringBuilder();
            // the client's check of who signed the answer fails with a SecurityException; a refused connection, a
            // timeout or a signature WS-Security cannot verify fail otherwise
            boolean signedWrongly = false;
            while (cause != null) {
                signedWrongly |= cause instanceof SecurityException;
                if (cause.getMessage() != null && causes.indexOf(cause.getMessage()) < 0) {
                    causes.append(causes.length() == 0 ? "" : ": ").append(cause.getMessage());
                }
                cause = cause.getCause() == cause ? null : cause.getCause();
            }
            return new DirectAnswer("its answer to provideTime is refused: " + causes, signedWrongly);
        } finally {
            try {
                ((java.io.Closeable) client).close();
            } catch (IOException e) {
                // the client is thrown away either way
            }
        }
    }

    /** Prints the table and writes both reports into {@code directory}; answers whether every applicable test passed. */
    public static boolean report(List<TestResult> results, String registry, Path directory, PrintStream out) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("the report directory " + directory + " cannot be created", e);
        }
        out.println();
        ConformanceReports.printTable(out, registry, results);
        Path xml = directory.resolve(ConformanceReports.XML_REPORT);
        Path json = directory.resolve(ConformanceReports.JSON_REPORT);
        ConformanceReports.writeJunitXml(xml, registry, results);
        ConformanceReports.writeJson(json, registry, results);
        out.println("Reports written to " + xml.toAbsolutePath() + " and " + json.toAbsolutePath());
        return ConformanceReports.allApplicablePassed(results);
    }
}
