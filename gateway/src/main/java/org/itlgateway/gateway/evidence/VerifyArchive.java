package org.itlgateway.gateway.evidence;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.itlgateway.gateway.pki.PkiFiles;
import org.itlgateway.gateway.security.TrustAsOf;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code verify-archive}: checks a node's evidence archive, in its live database or in an export, every link and
 * every hash, every signed checkpoint, and (given the trust anchor) every checkpoint's signer and every archived
 * message's own signature as of its time; names the first broken record or checkpoint. Exits 0 with a summary when
 * the archive is intact, 1 when something is broken, 2 when the archive or the trust cannot be read.
 */
@Command(name = "verify-archive", mixinStandardHelpOptions = true,
        description = "Checks every link, hash, checkpoint and archived signature of a node's evidence archive, "
                + "in its database or in an export (docs/evidence.md).")
public final class VerifyArchive implements Callable<Integer> {

    @Mixin
    ArchiveDatabaseOptions database;

    @Option(names = "--export", description = "An export (export-archive) to check instead of a database.")
    Path export;

    @Option(names = "--trust-anchor", description = "The CA (PEM) every checkpoint's and message's signer must chain to "
            + "at its time; with --export, the export's own anchor when not given.")
    Path trustAnchor;

    @Option(names = "--crl", description = "A CRL of that CA (PEM); repeatable. A signer revoked at or before the time "
            + "of what it signed fails.")
    List<Path> crls = new ArrayList<>();

    @Option(names = "--itl-checkpoints", description = "The checkpoints the ITL holds of the node (JSON, as the ITL "
            + "lists them): each must be in the archive as the ITL holds it, over the hash of its record.")
    Path itlCheckpoints;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        org.itlgateway.gateway.logging.LogFormat.useText();
        System.exit(run(args));
    }

    /** Runs the command; answers its exit code. */
    public static int run(String... args) {
        return new CommandLine(new VerifyArchive()).execute(args);
    }

    /** The same, writing its summary to {@code out} and what is broken to {@code err}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new VerifyArchive()).setOut(out).setErr(err).execute(args);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ArchiveVerdict verdict = export != null ? verifyExport() : verifyDatabase(err);
            if (verdict == null) {
                return 2;
            }
            (verdict.intact() ? out : err).println(verdict.summary());
            return verdict.intact() ? 0 : 1;
        } catch (SQLException e) {
            err.println("the archive could not be read: " + e.getMessage());
            return 2;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            err.println("cannot verify: " + e.getMessage());
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private List<EvidenceCheckpoint> heldByTheLog() {
        if (itlCheckpoints == null) {
            return List.of();
        }
        try {
            return ItlCheckpoints.read(itlCheckpoints).held();
        } catch (IOException e) {
            throw new UncheckedIOException(itlCheckpoints + " cannot be read: " + e.getMessage(), e);
        }
    }

    private ArchiveVerdict verifyDatabase(PrintWriter err) throws SQLException {
        String missing = database.missing();
        if (missing != null) {
            err.println("give the archive: --export FILE, or the database with " + missing);
            return null;
        }
        Optional<TrustAsOf> trust = trust(Optional.empty(), List.of());
        List<EvidenceCheckpoint> held = heldByTheLog();
        try (Connection connection = database.connect()) {
            return ArchiveVerification.verify(connection, trust, held);
        }
    }

    private ArchiveVerdict verifyExport() throws IOException {
        ArchiveExport read = ArchiveExport.read(export);
        Optional<X509Certificate> carried = read.trust().map(TrustAsOf::anchor);
        return ArchiveVerification.verify(read, trust(carried, read.crls()), heldByTheLog());
    }

    /** The anchor given (else the one carried), with the CRLs given and those carried. */
    private Optional<TrustAsOf> trust(Optional<X509Certificate> carried, List<X509CRL> carriedCrls) {
        Optional<X509Certificate> anchor = trustAnchor == null ? carried : Optional.of(anchorIn(trustAnchor));
        // the CRLs an export carries are its own anchor's: they say nothing of another one
        List<X509CRL> all = new ArrayList<>(anchor.equals(carried) ? carriedCrls : List.of());
        for (Path crl : crls) {
            all.add(PkiFiles.readCrl(crl));
        }
        if (anchor.isEmpty() && !all.isEmpty() && carried.isEmpty()) {
            throw new IllegalArgumentException("--crl needs --trust-anchor, the CA whose CRL it is");
        }
        return anchor.map(ca -> new TrustAsOf(ca, all));
    }

    static X509Certificate anchorIn(Path file) {
        List<X509Certificate> certificates = PkiFiles.readCertificates(file);
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no certificate");
        }
        return certificates.get(0);
    }
}
