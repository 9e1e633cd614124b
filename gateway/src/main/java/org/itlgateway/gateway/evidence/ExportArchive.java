package org.itlgateway.gateway.evidence;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.itlgateway.gateway.pki.PkiFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code export-archive}: writes a self-contained export of a node's archive for an auditor ({@link ArchiveExport}),
 * with the content of the records of a period or of one transaction; {@code verify-archive --export FILE} checks it
 * with no database. Exits 0 when written, 2 when the options are wrong, the archive cannot be read or the file written.
 */
@Command(name = "export-archive", mixinStandardHelpOptions = true,
        description = "Writes a self-contained export of a node's evidence archive (docs/evidence.md).")
public final class ExportArchive implements Callable<Integer> {

    @Mixin
    ArchiveDatabaseOptions database;

    @Option(names = "--from", description = "The period's first instant (with --to), e.g. 2024-03-01T00:00:00Z.")
    Instant from;

    @Option(names = "--to", description = "The instant after the period's last (with --from).")
    Instant to;

    @Option(names = "--transaction", description = "One transaction's records, e.g. JP1001 (instead of a period).")
    String transaction;

    @Option(names = "--trust-anchor", description = "The CA (PEM) to carry in the export.")
    Path trustAnchor;

    @Option(names = "--crl", description = "A CRL of that CA (PEM) to carry; repeatable.")
    List<Path> crls = new ArrayList<>();

    @Option(names = {"--output", "-o"}, required = true, description = "The file to write.")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Clock clock;

    ExportArchive(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) {
        org.itlgateway.gateway.logging.LogFormat.useText();
        System.exit(run(args));
    }

    /** Runs the command; answers its exit code. */
    public static int run(String... args) {
        return new CommandLine(new ExportArchive(Clock.systemUTC())).execute(args);
    }

    /** The same, writing its summary to {@code out} and what failed to {@code err}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new ExportArchive(Clock.systemUTC())).setOut(out).setErr(err).execute(args);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ArchiveExport.Selection selection;
            if (transaction != null && from == null && to == null) {
                selection = ArchiveExport.Selection.transaction(transaction);
            } else if (transaction == null && from != null && to != null) {
                selection = ArchiveExport.Selection.period(from, to);
            } else {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "give either --from and --to, or --transaction");
            }
            String missing = database.missing();
            if (missing != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give the database: " + missing);
            }
            List<X509CRL> carried = new ArrayList<>();
            for (Path crl : crls) {
                carried.add(PkiFiles.readCrl(crl));
            }
            ArchiveExport export;
            try (Connection connection = database.connect()) {
                export = ArchiveExport.of(connection, selection,
                        Optional.ofNullable(trustAnchor).map(VerifyArchive::anchorIn), carried, clock.instant());
            }
            export.write(output);
            out.println("exported " + export.document().records().size() + " records (" + export.selected()
                    + " with their content), " + export.document().checkpoints().size() + " checkpoints, head "
                    + export.document().head().sequence() + ", to " + output);
            return 0;
        } catch (SQLException e) {
            err.println("the archive could not be read: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("the export could not be written: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("cannot export: " + e.getMessage());
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
