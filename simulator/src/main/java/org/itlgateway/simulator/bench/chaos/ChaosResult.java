package org.itlgateway.simulator.bench.chaos;

import java.time.Duration;
import java.util.List;

/** What one seed did and found: a line to print and a row of the table in RELIABILITY.md. */
record ChaosResult(ChaosPlan plan, int kills, List<Transfer> transfers, Duration quiet, Duration lastDowntime,
                   List<Invariants.Result> invariants, Duration took) {

    boolean holds() {
        return invariants.stream().allMatch(Invariants.Result::holds);
    }

    long count(Transfer.State state) {
        return transfers.stream().filter(t -> t.state == state).count();
    }

    long databaseKills() {
        return plan.kills().stream().limit(kills).filter(k -> k.target() != ChaosPlan.Target.GATEWAY).count();
    }

    String line() {
        StringBuilder line = new StringBuilder();
        line.append(String.format("seed %d: %s, %d transfers (%d answered 202, %d cut off by a kill: %d found, %d not recorded;"
                        + " %d refused), %d kills (%d of PostgreSQL), quiet %s after the last restart, took %ds%n",
                plan.seed(), holds() ? "ALL INVARIANTS HOLD" : "INVARIANT BROKEN", transfers.size(),
                count(Transfer.State.ACCEPTED), count(Transfer.State.FOUND_AFTER_KILL) + count(Transfer.State.NOT_RECORDED),
                count(Transfer.State.FOUND_AFTER_KILL), count(Transfer.State.NOT_RECORDED), count(Transfer.State.REFUSED),
                kills, databaseKills(), quiet == null ? "never" : seconds(quiet), took.toSeconds()));
        for (Invariants.Result result : invariants) {
            line.append(String.format("  %-4s %s: %s%n", result.holds() ? "ok" : "FAIL", result.name(), result.detail()));
        }
        return line.toString();
    }

    static String header() {
        return "| Seed | Transfers | Kills (of PostgreSQL) | 202 / cut off (found, not recorded) | Completed | Quiet after last restart |"
                + " Final | Conserved | Mirror | Held once | Acquirers | Reconciliation | Archive | Took |\n"
                + "|---:|---:|---:|---|---:|---:|---|---|---|---|---|---|---|---:|";
    }

    /** The row of a seed whose run itself failed before its invariants could be read. */
    static String failedRow(long seed, Throwable failure) {
        String why = String.valueOf(failure.getMessage()).replace('|', '/').replace('\n', ' ');
        return "| " + seed + " | **the run failed**: " + (why.length() > 160 ? why.substring(0, 160) + "..." : why)
                + " | | | | | | | | | | | | |";
    }

    String row() {
        StringBuilder row = new StringBuilder();
        row.append(String.format("| %d | %d | %d (%d) | %d / %d (%d, %d) | %d | %s |", plan.seed(), transfers.size(), kills,
                databaseKills(), count(Transfer.State.ACCEPTED),
                count(Transfer.State.FOUND_AFTER_KILL) + count(Transfer.State.NOT_RECORDED),
                count(Transfer.State.FOUND_AFTER_KILL), count(Transfer.State.NOT_RECORDED),
                transfers.stream().filter(Transfer::completed).count(), quiet == null ? "never" : seconds(quiet)));
        for (Invariants.Result result : invariants) {
            row.append(result.holds() ? " ok |" : " **FAIL** |");
        }
        return row.append(' ').append(took.toSeconds()).append(" s |").toString();
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
