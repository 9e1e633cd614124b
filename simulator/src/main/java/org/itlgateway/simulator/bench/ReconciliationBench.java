package org.itlgateway.simulator.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.itlgateway.core.holding.HeldBlockCursor;
import org.itlgateway.core.reconciliation.HoldingComparison;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.store.Database;
import org.itlgateway.core.store.Repositories;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.reconciliation.Reconciliation;
import org.itlgateway.simulator.terminal.Progress;

/**
 * Reconciliation of the CDM registry at scale, over the real network (signed SOAP over HTTP, PostgreSQL): the
 * registry's and the ITL's holdings are generated straight into PostgreSQL (INSERT ... SELECT generate_series),
 * reconciled consistent and with a handful of planted discrepancies, and set beside PostgreSQL computing the
 * same totals (GROUP BY) and the same block difference (a FULL JOIN of the two block tables) itself.
 *
 * <p>The simulated clock runs with real time here, so the reconciliation's own timestamps time its phases.
 */
final class ReconciliationBench {

    /** One line of the results. */
    record Row(String what, long blocks, double seconds, String detail, String peakHeap) {

        String markdown() {
            return String.format(Locale.ROOT, "| %s | %,d | %.2f | %.2f | %s | %s |", what, blocks, seconds,
                    seconds / (blocks / 1e6), peakHeap, detail);
        }

        static String header() {
            return "| Step | Blocks | Seconds | Seconds per million blocks | Peak heap used / live after GC (whole JVM) | Notes |\n"
                    + "|---|---:|---:|---:|---:|---|";
        }
    }

    private static final String COLUMNS = "originating_registry, serial_start, serial_end, unit_type, supp_unit_type,"
            + " original_period, applicable_period, project_id, account_registry, account_type, account_identifier,"
            + " account_period, valid_from";

    private final Network network;
    private final int accounts;
    private final Database registry;
    private final Database log;

    ReconciliationBench(Network network, int accounts) {
        this.network = network;
        this.accounts = accounts;
        this.registry = network.stores("CDM").database();
        this.log = network.stores("ITL").database();
    }

    List<Row> run(long blocks) throws SQLException {
        List<Row> rows = new ArrayList<>();
        Instant loadedAt = network.clock().instant().minus(Duration.ofDays(1));
        try (Progress progress = Progress.of(String.format(Locale.ROOT, "reconciliation of %,d blocks", blocks), 6)) {
            progress.say("generating the blocks");
            long t = System.nanoTime();
            generate(blocks, loadedAt);
            System.out.printf(Locale.ROOT, "  %,d blocks generated in each of the two tables in %.1f s%n", blocks,
                    seconds(t));
            progress.step();
            progress.say("reconciling, consistent");
            rows.addAll(reconcile("consistent", blocks));
            progress.step();
            progress.say("planting discrepancies");
            plant(blocks, loadedAt);
            progress.step();
            progress.say("reconciling, with discrepancies");
            rows.addAll(reconcile("5 planted discrepancies", blocks));
            progress.step();
            progress.say("sweeping every block");
            rows.add(sweepEveryBlock(blocks));
            progress.step();
            progress.say("PostgreSQL's own join");
            rows.addAll(databaseBaseline(blocks));
            progress.step();
        }
        return rows;
    }

    /** Empties both holdings tables, then fills them alike: {@code blocks} blocks of 10 CERs over {@code accounts} accounts. */
    private void generate(long blocks, Instant at) throws SQLException {
        for (Database database : List.of(registry, log)) {
            sql(database, "TRUNCATE held_pieces");
            // The exclusion constraint (a GiST index) keeps live pieces from overlapping; generated data cannot, and
            // building it for 10^7 rows would dominate the setup. The b-tree the snapshot reads use is rebuilt below.
            sql(database, "ALTER TABLE held_pieces DROP CONSTRAINT IF EXISTS held_pieces_serials_held_once");
            sql(database, "DROP INDEX IF EXISTS held_pieces_by_holder_and_serial");
            try (Connection connection = database.dataSource().getConnection();
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO held_pieces (" + COLUMNS + ")"
                         + " SELECT 'CDM', g * 10 + 1, g * 10 + 10, 5, 0, 2, 2, 1234, 'CDM', 120, 100000 + g % ?, 0, ?"
                         + " FROM generate_series(0, ? - 1) g")) {
                insert.setInt(1, accounts);
                insert.setTimestamp(2, Timestamp.from(at));
                insert.setLong(3, blocks);
                insert.executeUpdate();
            }
            sql(database, "CREATE INDEX held_pieces_by_holder_and_serial ON held_pieces"
                    + " (account_registry, originating_registry, serial_start)");
            sql(database, "VACUUM ANALYZE held_pieces");
        }
    }

    /** In the registry: two blocks missing, two extra, one in another account. */
    private void plant(long blocks, Instant at) throws SQLException {
        long third = blocks / 3;
        sql(registry, "DELETE FROM held_pieces WHERE serial_start IN (" + (third * 10 + 1) + ", " + (third * 10 + 11) + ")");
        try (Connection connection = registry.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO held_pieces (" + COLUMNS + ")"
                     + " VALUES ('CDM', ?, ?, 5, 0, 2, 2, 1234, 'CDM', 120, ?, 0, ?)")) {
            for (int i = 0; i < 2; i++) {
                long start = blocks * 10 + 1 + i * 100;
                insert.setLong(1, start);
                insert.setLong(2, start + 9);
                insert.setLong(3, 100000 + 7 * (i + 1));
                insert.setTimestamp(4, Timestamp.from(at));
                insert.executeUpdate();
            }
        }
        long half = blocks / 2;
        sql(registry, "UPDATE held_pieces SET account_identifier = account_identifier + 1 WHERE serial_start = " + (half * 10 + 1));
        sql(registry, "ANALYZE held_pieces");
    }

    /** A reconciliation over the network, timed by its own timestamps on the running clock. */
    private List<Row> reconcile(String label, long blocks) {
        HeapPeak peak = HeapPeak.start();
        long t = System.nanoTime();
        long id = network.reconciliation().initiate(RegistryCode.CDM);
        Reconciliation done = null;
        for (int round = 0; round < 1000; round++) {
            network.settle();
            done = network.reconciliation().find(id).orElseThrow();
            if (done.phase() == Reconciliation.Phase.DECIDED) {
                break;
            }
        }
        double total = seconds(t);
        peak.close();
        String heap = peak.describe();
        List<Row> rows = new ArrayList<>();
        double totals = between(done.snapshot(), done.totalsComparedAt());
        String findings = done.results().stream().map(r -> r.code().code() + (r.blocks().isEmpty() ? "" : "×" + r.blocks().size()))
                .distinct().toList().toString();
        rows.add(new Row("Reconciliation, " + label + ": totals phase (per account)", blocks, totals,
                "status " + done.status() + "; whole reconciliation " + String.format(Locale.ROOT, "%.2f", total) + " s", heap));
        if (done.blocksComparedAt() != null) {
            rows.add(new Row("Reconciliation, " + label + ": unit-block phase (differing accounts only)", blocks,
                    between(done.totalsComparedAt(), done.blocksComparedAt()), "findings " + findings, heap));
            network.reconciliation().resolveManually(id, "bench", "planted by the benchmark");
            network.settle();
        }
        return rows;
    }

    /** Every block of both sides, streamed and compared unit by unit in this process, without messaging. */
    private Row sweepEveryBlock(long blocks) {
        HeapPeak peak = HeapPeak.start();
        long t = System.nanoTime();
        long[] differences = new long[1];
        long pieces = log.call(() -> registry.call(() -> {
            Instant now = network.clock().instant();
            try (HeldBlockCursor mine = Repositories.on(registry).groupSnapshots().holdingsAsOf(RegistryCode.CDM, now, List.of());
                 HeldBlockCursor theirs = log.call(() -> Repositories.on(log).groupSnapshots().holdingsAsOf(RegistryCode.CDM, now,
                         List.of()))) {
                return HoldingComparison.compare(mine, theirs, d -> differences[0]++);
            }
        }));
        double seconds = seconds(t);
        peak.close();
        return new Row("Streamed sweep of every block of both sides, no messaging (worst case of the unit-block phase)",
                blocks, seconds, pieces + " pieces read, " + differences[0] + " differences", peak.describe());
    }

    private List<Row> databaseBaseline(long blocks) throws SQLException {
        String held = " FROM %s.held_pieces WHERE account_registry = 'CDM' AND valid_from <= now()"
                + " AND (valid_to IS NULL OR valid_to > now())";
        String totals = "SELECT account_type, account_period, unit_type, supp_unit_type, account_identifier,"
                + " sum(serial_end - serial_start + 1)" + held + " GROUP BY 1, 2, 3, 4, 5";
        long t = System.nanoTime();
        long groups = count(totals.formatted(registry.schema())) + count(totals.formatted(log.schema()));
        double groupBy = seconds(t);
        String side = "SELECT originating_registry, serial_start, serial_end, unit_type, supp_unit_type, original_period,"
                + " applicable_period, lulucf_activity, project_id, track, expiry_date, account_type, account_identifier,"
                + " account_period" + held;
        String fullJoin = "SELECT r.serial_start, i.serial_start FROM (" + side.formatted(registry.schema()) + ") r"
                + " FULL JOIN (" + side.formatted(log.schema()) + ") i ON r.originating_registry = i.originating_registry"
                + " AND r.serial_start = i.serial_start AND r.serial_end = i.serial_end"
                + " WHERE r.serial_start IS NULL OR i.serial_start IS NULL OR (r.account_type, r.account_identifier,"
                + " r.account_period, r.unit_type, r.supp_unit_type, r.original_period, r.applicable_period)"
                + " IS DISTINCT FROM (i.account_type, i.account_identifier, i.account_period, i.unit_type,"
                + " i.supp_unit_type, i.original_period, i.applicable_period)";
        t = System.nanoTime();
        long differing = count(fullJoin);
        double join = seconds(t);
        return List.of(
                new Row("PostgreSQL baseline: the same totals per account by GROUP BY, both tables", blocks, groupBy,
                        groups + " totals", ""),
                new Row("PostgreSQL baseline: the block difference by a FULL JOIN of the two block tables", blocks, join,
                        differing + " differing rows", ""));
    }

    private long count(String query) throws SQLException {
        try (Connection connection = registry.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM (" + query + ") q")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void sql(Database database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static double between(Instant from, Instant to) {
        return to == null ? Double.NaN : Duration.between(from, to).toNanos() / 1e9;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

}
