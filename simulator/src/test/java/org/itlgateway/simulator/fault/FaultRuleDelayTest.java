package org.itlgateway.simulator.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The delays a DELAY rule draws, and the seeded chance they and the rules' probabilities come from. */
class FaultRuleDelayTest {

    @Test
    void aFixedDelayIsAlwaysItsMillis() {
        assertEquals(Duration.ofMillis(250), DelayDistribution.fixed(250).draw(1, "CDM1"));
        assertEquals(Duration.ofMillis(250), DelayDistribution.fixed(250).draw(2, "CDM2"));
    }

    @Test
    void aUniformDelayIsBetweenItsBoundsAndTheSameForTheSameSeedAndMessage() {
        DelayDistribution uniform = DelayDistribution.uniform(100, 300);
        List<Long> drawn = IntStream.range(0, 500).mapToObj(i -> uniform.draw(7, "CDM" + i).toMillis()).toList();
        assertTrue(drawn.stream().allMatch(millis -> millis >= 100 && millis <= 300), drawn::toString);
        assertTrue(drawn.stream().distinct().count() > 1, "not one value");
        assertEquals(drawn, IntStream.range(0, 500).mapToObj(i -> uniform.draw(7, "CDM" + i).toMillis()).toList());
    }

    @Test
    void aLognormalDelayIsAroundItsMedian() {
        DelayDistribution lognormal = DelayDistribution.lognormal(200, 0.5);
        List<Long> drawn = IntStream.range(0, 1001).mapToObj(i -> lognormal.draw(3, "CDM" + i).toMillis()).sorted().toList();
        long median = drawn.get(500);
        assertTrue(median > 150 && median < 250, "the median of 1001 draws is near 200: " + median);
        assertTrue(drawn.stream().allMatch(millis -> millis >= 0));
        assertEquals(Duration.ofMillis(200), DelayDistribution.lognormal(200, 0).draw(3, "CDM1"), "no spread");
    }

    @Test
    void theSeededChanceIsAPureFunctionOfTheSeedAndTheParts() {
        assertEquals(SeededChance.uniform(42, "JP", "acceptProposal", "CDM1", "1"),
                SeededChance.uniform(42, "JP", "acceptProposal", "CDM1", "1"));
        assertNotEquals(SeededChance.uniform(42, "JP", "acceptProposal", "CDM1", "1"),
                SeededChance.uniform(42, "JP", "acceptProposal", "CDM1", "2"), "another attempt");
        assertNotEquals(SeededChance.uniform(42, "ab", "c"), SeededChance.uniform(42, "a", "bc"), "parts stay apart");
        assertArrayEquals(SeededChance.bytes(100, 9, "x"), SeededChance.bytes(100, 9, "x"));
        assertEquals(100, SeededChance.bytes(100, 9, "x").length);
        double u = SeededChance.uniform(1, "any");
        assertTrue(u >= 0 && u < 1);
    }
}
