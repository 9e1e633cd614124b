package org.itlgateway.simulator.conformance;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

    private final Network network;
    private final RegistryUnderTest registry;
    private final boolean continueAfterFailure;
    private final Duration patience;
    private final PrintStream out;

    /**
     * @param patience how long to wait, on the wall clock, for each thing the network or the registry is to do (and
     *                 for the registry to answer at all before the plan starts)
     */
    public ConformanceRun(Network network, RegistryUnderTest registry, boolean continueAfterFailure, Duration patience,
                          PrintStream out) {
        this.network = network;
        this.registry = registry;
        this.continueAfterFailure = continueAfterFailure;
        this.patience = patience;
        this.out = out;
    }

    /** Plays the plan; answers every test's result in plan order. */
    public List<TestResult> play() {
        PeerProfile profile = network.profiles().find(registry.code()).orElseThrow(() -> new IllegalArgumentException(
                "the network has no registry " + registry.code() + ": give its profile with --profiles"));
        Conformance conformance = new Conformance(network, registry, patience);
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

    /** Waits until the registry answers the ITL's time check (it may be started after the network). */
    private void awaitAnswer(Conformance conformance) {
        out.println("Waiting up to " + patience.toSeconds() + " s for " + registry.code() + " to answer the ITL ...");
        conformance.await(registry.code() + " to answer the ITL's provideTime at " + network.addressOf(registry.code()), () ->
                network.duties().timeChecks().check(RegistryCode.of(registry.code())).stream()
                        .filter(check -> check.status() != TimeCheck.Status.UNREACHABLE).findFirst(), Duration.ofSeconds(2));
    }

    /**
     * Why the registry's answers do not reach the ITL: the runner asks its time itself, in the ITL's name, and says what
     * came back (the answer's signature checks name a wrong signer, a connection is refused ...).
     */
    private String askedDirectly() {
        RegistryPortType client = SoapClients.registry(network.addressOf(registry.code()), registry.code(),
                network.signaturesOf("ITL"), patience, network.tlsOf("ITL"));
        try {
            client.provideTime(EnvelopeMapping.write(new Envelope("ITL", registry.code(), DesContract.MAJOR_VERSION,
                    DesContract.MINOR_VERSION), new ProvideTime()));
            return "it answers the runner's provideTime";
        } catch (RefusalFault | RuntimeException e) {
            Throwable cause = e;
            StringBuilder causes = new StringBuilder();
            while (cause != null) {
                if (cause.getMessage() != null && causes.indexOf(cause.getMessage()) < 0) {
                    causes.append(causes.length() == 0 ? "" : ": ").append(cause.getMessage());
                }
                cause = cause.getCause() == cause ? null : cause.getCause();
            }
            return "its answer to provideTime is refused: " + causes;
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
