package org.itlgateway.gateway.node;

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
        assertEquals(0, PkiTool.run("init-ca", "--dir", pki.toString()));
        assertEquals(0, PkiTool.run("issue", "--dir", pki.toString(), "NZ"));
        String answer = run("--code", "NZ", "--itl", "http://127.0.0.1:1/itl",
                "--certificate", pki.resolve("NZ.crt.pem").toString(), "--private-key", pki.resolve("NZ.key.pem").toString(),
                "--trust-anchor", pki.resolve("ca.crt.pem").toString(), "--crl", pki.resolve("missing.pem").toString());
        assertTrue(answer.startsWith("1 "), answer);
        assertTrue(answer.contains("missing.pem"), answer);
    }

    @Test
    void aPoolOfOneConnectionIsRefusedBeforeAnyDatabaseStartsSayingWhy() {
        String answer = run(issued("--pool-size", "1"));
        assertTrue(answer.startsWith("2 "), answer);
        assertTrue(answer.contains("--pool-size is at least 2") && answer.contains("migrations"), answer);
    }

    @Test
    void aFixedStartAndASimulatedNetworksTimeCannotBothBeGiven() {
        String answer = run(issued("--start", "2016-09-01T09:00:00Z", "--simulated-time-from", "http://127.0.0.1:1"));
        assertTrue(answer.startsWith("2 "), answer);
        assertTrue(answer.contains("either --start or --simulated-time-from"), answer);
    }

    @Test
    void aSimulatedNetworkThatCannotBeReachedStopsTheStartWithItsAddress() {
        String answer = run(issued("--simulated-time-from", "http://127.0.0.1:1"));
        assertTrue(answer.startsWith("1 "), answer);
        assertTrue(answer.contains("http://127.0.0.1:1/clock"), answer);
    }

    /** The options of a complete configuration (a CA, New Zealand's credential and CRL), then {@code more}. */
    private String[] issued(String... more) {
        assertEquals(0, PkiTool.run("init-ca", "--dir", pki.toString()));
        assertEquals(0, PkiTool.run("issue", "--dir", pki.toString(), "NZ"));
        assertEquals(0, PkiTool.run("crl", "--dir", pki.toString()));
        java.util.List<String> options = new java.util.ArrayList<>(java.util.List.of("--code", "NZ",
                "--itl", "http://127.0.0.1:1/itl", "--certificate", pki.resolve("NZ.crt.pem").toString(),
                "--private-key", pki.resolve("NZ.key.pem").toString(), "--trust-anchor", pki.resolve("ca.crt.pem").toString(),
                "--crl", pki.resolve("crl.pem").toString(), "--operator-token", "t", "--data-dir", pki.resolve("db").toString()));
        options.addAll(java.util.List.of(more));
        return options.toArray(String[]::new);
    }
}
