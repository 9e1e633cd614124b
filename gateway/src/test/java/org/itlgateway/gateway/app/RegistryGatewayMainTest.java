package org.itlgateway.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.itlgateway.gateway.pki.PkiTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The registry gateway's command refuses an incomplete or unreadable configuration before it starts anything. */
class RegistryGatewayMainTest {

    @TempDir
    Path pki;

    private String run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new RegistryGatewayMain()).setErr(new PrintWriter(err, true));
        command.setExecutionExceptionHandler((failure, cmd, parsed) -> {
            cmd.getErr().println(failure.getMessage());
            return 1;
        });
        return command.execute(args) + " " + err;
    }

    @Test
    void aMissingCodeOrItlIsNamedInTheUsageError() {
        String answer = run("--trust-anchor", "ca.crt.pem");
        assertTrue(answer.startsWith("2 "), answer);
        assertTrue(answer.contains("--code") && answer.contains("--itl"), answer);
    }

    @Test
    void withoutACredentialTheCommandSaysWhichOptionsGiveOne() {
        assertEquals(0, PkiTool.run("init-ca", "--dir", pki.toString()));
        String answer = run("--code", "NZ", "--itl", "http://127.0.0.1:1/itl",
                "--trust-anchor", pki.resolve("ca.crt.pem").toString());
        assertTrue(answer.startsWith("2 "), answer);
        assertTrue(answer.contains("--pkcs12, or --certificate and --private-key"), answer);
    }

    @Test
    void anUnreadableCertificateRevocationListStopsTheStartWithItsPath() {
        assertStops(run(issued("--crl", pki.resolve("missing.pem").toString())), 1, "missing.pem");
    }

    @Test
    void aPoolOfOneConnectionIsRefusedBeforeAnyDatabaseStartsSayingWhy() {
        assertStops(run(issued("--pool-size", "1")), 2, "--pool-size is at least 2", "migrations");
    }

    @Test
    void aFixedStartAndASimulatedNetworksTimeCannotBothBeGiven() {
        assertStops(run(issued("--start", "2016-09-01T09:00:00Z", "--simulated-time-from", "http://127.0.0.1:1")), 2,
                "either --start or --simulated-time-from");
    }

    @Test
    void aCitlIsForAnEuRegistryOnly() {
        assertStops(run(issued("--citl", "http://127.0.0.1:1/citl")), 2, "--citl is for an EU registry", "--eu-member");
    }

    @Test
    void aSimulatedNetworkThatCannotBeReachedStopsTheStartWithItsAddress() {
        assertStops(run(issued("--simulated-time-from", "http://127.0.0.1:1")), 1, "http://127.0.0.1:1/clock");
    }

    /** The command ended with {@code exitCode} (2: a usage error, 1: the start failed) and said each fragment. */
    @Test
    void anOperatorApiCertificateWithoutItsKeyIsAUsageErrorNamingBothOptions() {
        assertStops(run(issued("--operator-tls-certificate", pki.resolve("NZ.crt.pem").toString())), 2,
                "give both --operator-tls-certificate and --operator-tls-private-key, or neither");
    }

    private static void assertStops(String answer, int exitCode, String... fragments) {
        assertTrue(answer.startsWith(exitCode + " "), answer);
        for (String fragment : fragments) {
            assertTrue(answer.contains(fragment), () -> "no \"" + fragment + "\" in: " + answer);
        }
    }

    /**
     * The options of a complete configuration (a CA, New Zealand's credential and CRL, a token, a data directory),
     * with {@code more} (option, value pairs) added or put in place of the same options.
     */
    private String[] issued(String... more) {
        assertEquals(0, PkiTool.run("init-ca", "--dir", pki.toString()));
        assertEquals(0, PkiTool.run("issue", "--dir", pki.toString(), "NZ"));
        assertEquals(0, PkiTool.run("crl", "--dir", pki.toString()));
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        options.put("--code", "NZ");
        options.put("--itl", "http://127.0.0.1:1/itl");
        options.put("--certificate", pki.resolve("NZ.crt.pem").toString());
        options.put("--private-key", pki.resolve("NZ.key.pem").toString());
        options.put("--trust-anchor", pki.resolve("ca.crt.pem").toString());
        options.put("--crl", pki.resolve("crl.pem").toString());
        options.put("--operator-token", "t");
        options.put("--data-dir", pki.resolve("db").toString());
        for (int i = 0; i + 1 < more.length; i += 2) {
            options.put(more[i], more[i + 1]);
        }
        return options.entrySet().stream().flatMap(option -> java.util.stream.Stream.of(option.getKey(), option.getValue()))
                .toArray(String[]::new);
    }
}
