package org.itlgateway.simulator.bench.chaos;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.itlgateway.gateway.database.EmbeddedServer;
import org.itlgateway.gateway.evidence.VerifyArchive;
import org.itlgateway.gateway.pki.PkiFiles;

/**
 * The last invariant of a chaos run: the evidence archive of the registry's gateway verifies, read in its database
 * after every kill by {@code verify-archive} itself ({@link VerifyArchive}: every link, hash and checkpoint), so a
 * record lost, doubled or left without its change by a kill breaks the run.
 *
 * <p>Signers are judged against the network's CA (the run's {@code pki/ca.crt.pem} and its CRL) when its certificates
 * cover the records' times. The gateway's clock follows the network's simulated time, which starts years before the
 * certificates were issued on the real clock: judged as of those times, every archived message would fail for a
 * certificate not yet valid (docs/evidence.md), so the archive is then checked without the anchor, and the result says so.
 */
final class ArchiveCheck {

    static final String NAME = "the evidence archive verifies";

    private ArchiveCheck() {
    }

    /**
     * Runs {@code verify-archive} on the registry's schema in the database at {@code jdbcUrl} (user postgres, no
     * password, as the runner's and the embedded PostgreSQL take local connections).
     */
    static Invariants.Result of(String jdbcUrl, String schema, Path pki, Instant earliestRecord) {
        List<String> arguments = new ArrayList<>(List.of("--jdbc-url", jdbcUrl, "--jdbc-user", EmbeddedServer.USER,
                "--jdbc-password", "", "--schema", schema));
        Path anchor = pki.resolve("ca.crt.pem");
        Path crl = pki.resolve("crl.pem");
        String unjudged = "";
        if (Files.isRegularFile(anchor) && coversFrom(anchor, earliestRecord)) {
            arguments.addAll(List.of("--trust-anchor", anchor.toString()));
            if (Files.isRegularFile(crl)) {
                arguments.addAll(List.of("--crl", crl.toString()));
            }
        } else if (Files.isRegularFile(anchor)) {
            unjudged = " (checked without the network's CA: the records' simulated times from " + earliestRecord
                    + " precede its certificates)";
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = VerifyArchive.run(new PrintWriter(out), new PrintWriter(err), arguments.toArray(String[]::new));
        String said = (out.toString().trim() + " " + err.toString().trim()).trim().replace('\n', ' ');
        return new Invariants.Result(NAME, exit == 0, (exit == 0 ? "" : "exit " + exit + ": ") + said + unjudged);
    }

    /** The JDBC URL of the embedded PostgreSQL on {@code dataDirectory}, from the port its postmaster.pid names. */
    static String embeddedJdbcUrl(Path dataDirectory) throws IOException {
        List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
        return "jdbc:postgresql://127.0.0.1:" + lines.get(3).trim() + "/postgres";
    }

    private static boolean coversFrom(Path anchor, Instant earliest) {
        X509Certificate ca = PkiFiles.readCertificates(anchor).get(0);
        return !ca.getNotBefore().toInstant().isAfter(earliest);
    }
}
