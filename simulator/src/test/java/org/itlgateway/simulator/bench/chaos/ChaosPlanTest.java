package org.itlgateway.simulator.bench.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A chaos seed is a plan that can be run again: the same seed, the same transfers, kills and targets. */
class ChaosPlanTest {

    @Test
    void theSameSeedGivesTheSamePlan() {
        assertEquals(ChaosPlan.of(7, 100, 5, ChaosPlan.DatabaseKills.SOME), ChaosPlan.of(7, 100, 5, ChaosPlan.DatabaseKills.SOME));
    }

    @Test
    void anotherSeedGivesAnotherPlan() {
        assertNotEquals(ChaosPlan.of(7, 100, 5, ChaosPlan.DatabaseKills.SOME), ChaosPlan.of(8, 100, 5, ChaosPlan.DatabaseKills.SOME));
    }

    @Test
    void everyKillComesAtItsOwnMomentWithinTheLoadInOrder() {
        ChaosPlan plan = ChaosPlan.of(3, 100, 5, ChaosPlan.DatabaseKills.ALL);

        assertEquals(5, plan.kills().size());
        int previous = 0;
        for (ChaosPlan.PlannedKill kill : plan.kills()) {
            assertTrue(kill.afterProposals() > previous && kill.afterProposals() < 100, plan.kills().toString());
            assertNotEquals(ChaosPlan.Target.GATEWAY, kill.target(), "with ALL, PostgreSQL goes down with or without the gateway");
            previous = kill.afterProposals();
        }
    }

    @Test
    void withoutDatabaseKillsOnlyTheGatewayIsKilled() {
        ChaosPlan plan = ChaosPlan.of(3, 100, 5, ChaosPlan.DatabaseKills.NONE);

        assertTrue(plan.kills().stream().allMatch(kill -> kill.target() == ChaosPlan.Target.GATEWAY), plan.kills().toString());
    }

    @Test
    void moreKillsThanGapsBetweenProposalsAreCappedAtOnePerGap() {
        assertEquals(2, ChaosPlan.of(1, 3, 5, ChaosPlan.DatabaseKills.NONE).kills().size());
    }
}
