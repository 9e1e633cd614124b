package org.itlgateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.itlgateway.gateway.delivery.RetrySchedule;
import org.itlgateway.gateway.http.JsonApiServer;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.node.StatusRecovery;
import org.itlgateway.simulator.network.NetworkSettings;
import org.itlgateway.simulator.network.NodeSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The network's command refuses options it cannot use before it starts anything. */
class NetworkMainTest {

    private static String run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new NetworkMain()).setErr(new PrintWriter(err, true));
        return command.execute(args) + " " + err;
    }

    @Test
    void aScheduleThatIsNoDurationIsAUsageErrorNamingTheOption() {
        String answer = run("--reconcile-every", "daily");
        assertTrue(answer.startsWith("2 "), answer);
        assertTrue(answer.contains("--reconcile-every") && answer.contains("P1D"), answer);
    }

    @Test
    void aScheduleOfNoTimeIsAUsageError() {
        String answer = run("--reconcile-every", "PT0S");
        assertEquals('2', answer.charAt(0), answer);
        assertTrue(answer.contains("--reconcile-every must be positive"), answer);
    }

    @Test
    void aCompletionLimitOfNoTimeOrNoDurationIsAUsageError() {
        String none = run("--completion-limit", "PT0S");
        assertEquals('2', none.charAt(0), none);
        assertTrue(none.contains("--completion-limit must be positive"), none);
        String word = run("--completion-limit", "a day");
        assertEquals('2', word.charAt(0), word);
        assertTrue(word.contains("--completion-limit"), word);
    }

    @Test
    void aZeroOrNegativeDurationOfTheNodesIsAUsageErrorNamingItsOption() {
        for (String[] given : List.of(new String[] {"--client-timeout", "PT0S"},
                new String[] {"--round-interval", "-PT1S"}, new String[] {"--retry-schedule", "PT10S,-PT1S"},
                new String[] {"--status-recovery-every", "PT0S"}, new String[] {"--status-recovery-quiet-for", "PT0S"},
                new String[] {"--timestamp-life", "PT0S"}, new String[] {"--clock-skew", "-PT1M"},
                new String[] {"--endpoint-idle-timeout", "PT0S"}, new String[] {"--slow-sender-grace", "-PT5S"},
                new String[] {"--operator-idle-timeout", "PT0S"}, new String[] {"--evidence-checkpoint-every", "PT0S"})) {
            String answer = run(given);
            assertEquals('2', answer.charAt(0), answer);
            assertTrue(answer.contains(given[0] + " must be positive"), String.join(" ", given) + ": " + answer);
        }
    }

    @Test
    void aLimitOfTheNodesBelowItsLeastIsAUsageErrorNamingItsOption() {
        for (String[] given : List.of(new String[] {"--inbound-max-bytes", "0", "1"},
                new String[] {"--inbound-max-depth", "0", "1"}, new String[] {"--inbound-max-child-elements", "0", "1"},
                new String[] {"--inbound-max-element-count", "-5", "1"},
                new String[] {"--inbound-max-text-length", "0", "1"}, new String[] {"--inbound-max-attributes", "0", "1"},
                new String[] {"--operator-max-body-bytes", "0", "1"}, new String[] {"--operator-threads", "2", "6"},
                new String[] {"--pool-size", "1", "2"}, new String[] {"--dead-letter-after", "0", "1"})) {
            String answer = run(given[0], given[1]);
            assertEquals('2', answer.charAt(0), answer);
            assertTrue(answer.contains(given[0] + " is at least " + given[2] + ", not " + given[1]),
                    given[0] + " " + given[1] + ": " + answer);
        }
    }

    @Test
    void theNodesTimeoutsLimitsAndPeriodsAreReadFromTheirOptions() {
        NetworkMain main = new NetworkMain();
        new CommandLine(main).parseArgs("--client-timeout", "PT3S", "--round-interval", "PT0.05S",
                "--retry-schedule", "PT1S,PT2S", "--status-recovery-every", "PT2M", "--status-recovery-quiet-for", "PT20M",
                "--timestamp-life", "PT2M", "--clock-skew", "PT10S", "--endpoint-idle-timeout", "PT15S",
                "--slow-sender-grace", "PT2S", "--inbound-max-bytes", "4096", "--inbound-max-depth", "20",
                "--inbound-max-child-elements", "100", "--inbound-max-element-count", "1000",
                "--inbound-max-text-length", "512", "--inbound-max-attributes", "8", "--operator-max-body-bytes", "2048",
                "--operator-idle-timeout", "PT5S", "--operator-threads", "8", "--pool-size", "6", "--dead-letter-after", "5",
                "--evidence-checkpoint-every", "PT15M");

        NodeSettings nodes = main.nodeSettings();

        assertEquals(Duration.ofSeconds(3), main.clientTimeout);
        assertEquals(Duration.ofMillis(50), main.roundInterval);
        assertEquals(new RetrySchedule(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2))), nodes.retrySchedule());
        assertEquals(new StatusRecovery(Duration.ofMinutes(2), Duration.ofMinutes(20)), nodes.statusRecovery());
        assertEquals(Duration.ofMinutes(2), nodes.timestampLife());
        assertEquals(Duration.ofSeconds(10), nodes.clockSkew());
        assertEquals(new InboundLimits(4096, 20, 100, 1000, 512, 8, Duration.ofSeconds(15), Duration.ofSeconds(2)),
                nodes.limits().inbound());
        assertEquals(new JsonApiServer.Limits(2048, Duration.ofSeconds(5), 8), nodes.limits().operatorApi());
        assertEquals(6, nodes.poolSize());
        assertEquals(5, nodes.deadLetterAfter());
        assertEquals(Duration.ofMinutes(15), nodes.evidenceCheckpointEvery());
    }

    @Test
    void theNodesDefaultsAreThoseOfARegistryGateway() {
        NetworkMain main = new NetworkMain();
        new CommandLine(main).parseArgs();

        assertEquals(NodeSettings.defaults(), main.nodeSettings());
        assertEquals(NetworkSettings.defaults().clientTimeout(), main.clientTimeout);
    }

    @Test
    void aFaultSeedThatIsNoWholeNumberIsAUsageErrorNamingTheOption() {
        String answer = run("--fault-seed", "lucky");
        assertEquals('2', answer.charAt(0), answer);
        assertTrue(answer.contains("--fault-seed"), answer);
    }

    @Test
    void theFaultSeedIsReadFromItsOption() {
        NetworkMain main = new NetworkMain();
        new CommandLine(main).parseArgs("--fault-seed", "-42");
        assertEquals(-42, main.faultSeed);
    }

    @Test
    void aControlApiCertificateWithoutItsKeyIsAUsageErrorNamingBothOptions() {
        String answer = run("--control-tls-certificate", "control.crt.pem");
        assertEquals('2', answer.charAt(0), answer);
        assertTrue(answer.contains("give both --control-tls-certificate and --control-tls-private-key, or neither"), answer);
    }

    @Test
    void conformanceWithoutARegistryIsAUsageError() {
        String answer = run("conformance");
        assertEquals('2', answer.charAt(0), answer);
        assertTrue(answer.contains("conformance needs --registry CODE"), answer);
    }

    @Test
    void aCommandOtherThanConformanceIsAUsageErrorNamingIt() {
        String answer = run("conformity", "--registry", "NO");
        assertEquals('2', answer.charAt(0), answer);
        assertTrue(answer.contains("unknown command conformity"), answer);
    }

    @Test
    void conformanceOptionsWithoutConformanceOrADriveOtherThanTheOperatorApiAreUsageErrors() {
        String alone = run("--registry", "NO");
        assertEquals('2', alone.charAt(0), alone);
        assertTrue(alone.contains("--registry and --drive go with conformance"), alone);
        String drive = run("conformance", "--registry", "NO", "--drive", "http://127.0.0.1:8181");
        assertEquals('2', drive.charAt(0), drive);
        assertTrue(drive.contains("--drive is operator-api=URL"), drive);
    }

    @Test
    void theConformanceOptionsAreReadInAnyOrderBesideTheNetworksOwn() {
        NetworkMain main = new NetworkMain();
        new CommandLine(main).parseArgs("--profiles", "my-peers", "conformance", "--registry", "NO", "--drive",
                "operator-api=http://127.0.0.1:8181", "--operator-token-file", "operator-token", "--continue",
                "--report-dir", "reports", "--port", "9080");
        assertEquals("conformance", main.mode);
        assertEquals("NO", main.conformanceRegistry);
        assertEquals("operator-api=http://127.0.0.1:8181", main.drive);
        assertTrue(main.continueAfterFailure);
        assertEquals(java.nio.file.Path.of("reports"), main.reportDirectory);
        assertEquals(java.nio.file.Path.of("my-peers"), main.profiles);
        assertEquals(9080, main.port);
    }
}
