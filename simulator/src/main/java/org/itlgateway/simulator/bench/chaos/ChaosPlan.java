package org.itlgateway.simulator.bench.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * What a seed decides, all from one {@link Random}: the size and destination of every transfer, the moment of every
 * kill (after how many proposals, then a delay), how long the registry stays down, and what is killed.
 */
record ChaosPlan(long seed, boolean killsDatabase, List<PlannedTransfer> transfers, List<PlannedKill> kills) {

    /** The acquiring accounts of the simulated registries the load sends units to. */
    static final List<String> ACQUIRING_ACCOUNTS = List.of("JP-120-20045-0", "GB-120-1001-0", "CH-120-3001-0");

    /** Whether the registry's PostgreSQL is killed too: in some seeds, in none, or in all. */
    enum DatabaseKills { SOME, NONE, ALL }

    /** What one kill takes down. */
    enum Target { GATEWAY, GATEWAY_AND_DATABASE, DATABASE }

    record PlannedTransfer(int index, long quantity, String acquiringAccount) {

        String acquiringRegistry() {
            return acquiringAccount.substring(0, 2);
        }
    }

    /**
     * @param afterProposals the kill comes once this many proposals were sent
     * @param delayMillis    and this long after that
     * @param downMillis     the registry stays down this long before it is restarted
     */
    record PlannedKill(int afterProposals, long delayMillis, long downMillis, Target target) {
    }

    static ChaosPlan of(long seed, int transfers, int kills, DatabaseKills databaseKills) {
        Random random = new Random(seed);
        boolean killsDatabase = switch (databaseKills) {
            case NONE -> false;
            case ALL -> true;
            case SOME -> random.nextBoolean();
        };
        List<PlannedTransfer> planned = new ArrayList<>();
        for (int i = 0; i < transfers; i++) {
            planned.add(new PlannedTransfer(i, 1 + random.nextInt(10),
                    ACQUIRING_ACCOUNTS.get(random.nextInt(ACQUIRING_ACCOUNTS.size()))));
        }
        TreeSet<Integer> moments = new TreeSet<>();
        while (moments.size() < Math.min(kills, Math.max(1, transfers - 1))) {
            moments.add(1 + random.nextInt(Math.max(1, transfers - 1)));
        }
        List<PlannedKill> plannedKills = new ArrayList<>();
        for (int moment : moments) {
            Target target = Target.GATEWAY;
            if (killsDatabase) {
                target = random.nextInt(3) == 0 ? Target.DATABASE : Target.GATEWAY_AND_DATABASE;
            }
            plannedKills.add(new PlannedKill(moment, random.nextInt(1500), 200 + random.nextInt(2800), target));
        }
        return new ChaosPlan(seed, killsDatabase, List.copyOf(planned), List.copyOf(plannedKills));
    }

    long units() {
        return transfers.stream().mapToLong(PlannedTransfer::quantity).sum();
    }
}
