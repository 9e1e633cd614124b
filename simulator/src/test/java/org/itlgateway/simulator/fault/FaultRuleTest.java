package org.itlgateway.simulator.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a fault rule matches, and the rules that cannot be. */
class FaultRuleTest {

    private static FaultRule rule(String node, FaultDirection direction, String operation) {
        return new FaultRule(null, node, direction, operation, RuleKind.DROP, null, null, null, null);
    }

    @Test
    void aRuleMatchesItsNodeItsDirectionAndItsOperation() {
        FaultRule rule = rule("JP", FaultDirection.RECEIVES, "acceptProposal");
        assertTrue(rule.matches("JP", FaultDirection.RECEIVES, "acceptProposal"));
        assertFalse(rule.matches("NZ", FaultDirection.RECEIVES, "acceptProposal"), "another node");
        assertFalse(rule.matches("JP", FaultDirection.SENDS, "acceptProposal"), "the other direction");
        assertFalse(rule.matches("JP", FaultDirection.RECEIVES, "acceptNotification"), "another operation");
    }

    @Test
    void aRuleWithoutOperationMatchesEveryOperationOfItsNodeAndDirection() {
        FaultRule any = rule("ITL", FaultDirection.SENDS, null);
        assertTrue(any.matches("ITL", FaultDirection.SENDS, "acceptProposal"));
        assertTrue(any.matches("ITL", FaultDirection.SENDS, "acceptNotification"));
        assertFalse(any.matches("ITL", FaultDirection.RECEIVES, "acceptProposal"));
        assertTrue(rule("ITL", FaultDirection.SENDS, " ").matches("ITL", FaultDirection.SENDS, "acceptProposal"),
                "a blank operation is any");
    }

    @Test
    void aMalformedRuleIsRefusedNamingTheField() {
        assertEquals("node", refused(() -> rule(null, FaultDirection.RECEIVES, null)));
        assertEquals("direction", refused(() -> rule("JP", null, null)));
        assertEquals("kind", refused(() -> new FaultRule(null, "JP", FaultDirection.RECEIVES, null, null, null, null,
                null, null)));
        assertEquals("nth", refused(() -> new FaultRule(null, "JP", FaultDirection.RECEIVES, null, RuleKind.DROP, 0, null,
                null, null)));
        assertEquals("nth", refused(() -> new FaultRule(null, "JP", FaultDirection.RECEIVES, null, RuleKind.DROP, 2, 0.5,
                null, null)), "nth and probability together");
        assertEquals("probability", refused(() -> new FaultRule(null, "JP", FaultDirection.RECEIVES, null, RuleKind.DROP,
                null, 1.5, null, null)));
        assertEquals("probability", refused(() -> new FaultRule(null, "JP", FaultDirection.RECEIVES, null, RuleKind.DROP,
                null, Double.NaN, null, null)));
        assertEquals("delay", refused(() -> new FaultRule(null, "JP", FaultDirection.RECEIVES, null, RuleKind.DELAY, null,
                null, null, null)), "a DELAY without a delay");
        assertEquals("delay", refused(() -> new FaultRule(null, "JP", FaultDirection.RECEIVES, null, RuleKind.DROP, null,
                null, DelayDistribution.fixed(10), null)), "a delay on another kind");
        assertEquals("holdFor", refused(() -> new FaultRule(null, "JP", FaultDirection.RECEIVES, null, RuleKind.DROP, null,
                null, null, Duration.ofMinutes(1))), "a hold on another kind than REORDER");
        assertEquals("holdFor", refused(() -> new FaultRule(null, "JP", FaultDirection.RECEIVES, null, RuleKind.REORDER,
                null, null, null, Duration.ZERO)));
        assertEquals("delay.max", refused(() -> DelayDistribution.uniform(50, 10)));
        assertEquals("delay.sigma", refused(() -> new DelayDistribution(DelayDistribution.Distribution.LOGNORMAL, null,
                null, null, 100L, null)));
        assertEquals("delay.millis", refused(() -> new DelayDistribution(DelayDistribution.Distribution.FIXED, -1L,
                null, null, null, null)));
    }

    @Test
    void aReorderRuleHoldsAMinuteUnlessItSays() {
        FaultRule reorder = new FaultRule(null, "JP", FaultDirection.RECEIVES, null, RuleKind.REORDER, null, null, null,
                null);
        assertEquals(FaultRule.DEFAULT_HOLD, reorder.hold());
        assertEquals(Duration.ofMinutes(5), new FaultRule(null, "JP", FaultDirection.RECEIVES, null, RuleKind.REORDER,
                null, null, null, Duration.ofMinutes(5)).hold());
    }

    private static String refused(Runnable making) {
        return assertThrows(InvalidRule.class, making::run).field();
    }
}
