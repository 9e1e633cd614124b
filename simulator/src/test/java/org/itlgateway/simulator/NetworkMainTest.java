package org.itlgateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
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
