package org.itlgateway.gateway.evidence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code verify-archive}: checks a node's evidence archive in its live database, every link and every hash, and
 * names the first broken record. Exits 0 with a summary when the archive is intact, 1 when a record is broken, 2
 * when the database cannot be read.
 */
@Command(name = "verify-archive", mixinStandardHelpOptions = true,
        description = "Checks every link and hash of a node's evidence archive (docs/evidence.md).")
public final class VerifyArchive implements Callable<Integer> {

    @Option(names = "--jdbc-url", required = true, defaultValue = "${env:ITL_REGISTRY_JDBC_URL}",
            description = "The node's database (jdbc:postgresql://host:port/database).")
    String jdbcUrl;

    @Option(names = "--jdbc-user", defaultValue = "${env:ITL_REGISTRY_JDBC_USER:-postgres}",
            description = "Its user (default: ${DEFAULT-VALUE}).")
    String jdbcUser;

    @Option(names = "--jdbc-password", defaultValue = "${env:ITL_REGISTRY_JDBC_PASSWORD:-}", description = "Its password.")
    String jdbcPassword;

    @Option(names = "--schema", required = true, defaultValue = "${env:ITL_REGISTRY_SCHEMA}",
            description = "The schema of the node's tables.")
    String schema;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
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
        Properties properties = new Properties();
        properties.setProperty("user", jdbcUser);
        properties.setProperty("password", jdbcPassword == null ? "" : jdbcPassword);
        properties.setProperty("currentSchema", schema);
        properties.setProperty("readOnly", "true");
        try (Connection connection = DriverManager.getConnection(jdbcUrl, properties)) {
            ArchiveVerdict verdict = ArchiveVerification.verify(connection);
            (verdict.intact() ? out : err).println(verdict.summary());
            out.flush();
            err.flush();
            return verdict.intact() ? 0 : 1;
        } catch (SQLException e) {
            err.println("the archive could not be read: " + e.getMessage());
            err.flush();
            return 2;
        }
    }
}
