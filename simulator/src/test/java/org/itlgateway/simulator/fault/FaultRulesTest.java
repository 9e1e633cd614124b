package org.itlgateway.simulator.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which rule fires on which message: the Nth match, a seeded probability, the order of the rules, REORDER's holds. */
class FaultRulesTest {

    private static FaultRule rule(String node, FaultDirection direction, String operation, RuleKind kind, Integer nth,
                                  Double probability) {
        return new FaultRule(null, node, direction, operation, kind, nth, probability, null, null);
    }

    private static Optional<FaultRule> fired(FaultRules rules, String from, String to, String operation, String key) {
        return rules.decide(from, to, operation, key).firing().map(FaultRules.Firing::rule);
    }

    @Test
    void aRuleWithNthFiresOnItsNthMatchingMessageOnly() {
        FaultRules rules = new FaultRules(1);
        rules.add(rule("JP", FaultDirection.RECEIVES, "acceptProposal", RuleKind.DROP, 3, null));
        assertTrue(fired(rules, "ITL", "JP", "acceptProposal", "CDM1").isEmpty());
        assertTrue(fired(rules, "ITL", "JP", "acceptNotification", "CDM1/4").isEmpty(), "not a match, not counted");
        assertTrue(fired(rules, "ITL", "NZ", "acceptProposal", "CDM2").isEmpty(), "not a match, not counted");
        assertTrue(fired(rules, "ITL", "JP", "acceptProposal", "CDM2").isEmpty());
        assertTrue(fired(rules, "ITL", "JP", "acceptProposal", "CDM3").isPresent(), "the third match");
        assertTrue(fired(rules, "ITL", "JP", "acceptProposal", "CDM4").isEmpty());
    }

    @Test
    void aRuleOnWhatANodeSendsMatchesTheMessagesItIsTheSenderOf() {
        FaultRules rules = new FaultRules(1);
        FaultRule sends = rules.add(rule("ITL", FaultDirection.SENDS, null, RuleKind.DUPLICATE, null, null));
        FaultRules.Firing firing = rules.decide("ITL", "JP", "acceptProposal", "CDM1").firing().orElseThrow();
        assertEquals(sends, firing.rule());
        assertEquals(new MessageIdentity("ITL", FaultDirection.SENDS, "JP", "acceptProposal", "CDM1", 1), firing.message());
        assertTrue(fired(rules, "JP", "ITL", "acceptProposal", "JP1").isEmpty(), "what the ITL receives");
    }

    @Test
    void theFirstRuleThatFiresDecides() {
        FaultRules rules = new FaultRules(1);
        FaultRule never = rules.add(rule("JP", FaultDirection.RECEIVES, null, RuleKind.DROP, null, 0.0));
        FaultRule always = rules.add(rule("JP", FaultDirection.RECEIVES, null, RuleKind.DUPLICATE, null, null));
        rules.add(rule("JP", FaultDirection.RECEIVES, null, RuleKind.CONNECTION_RESET, null, null));
        assertNotEquals(never.id(), always.id());
        assertEquals(Optional.of(always), fired(rules, "ITL", "JP", "acceptProposal", "CDM1"));
    }

    @Test
    void aResentMessageIsItsNextAttempt() {
        FaultRules rules = new FaultRules(1);
        rules.add(rule("JP", FaultDirection.RECEIVES, null, RuleKind.DROP, null, null));
        assertEquals(1, rules.decide("ITL", "JP", "acceptProposal", "CDM1").firing().orElseThrow().message().attempt());
        assertEquals(2, rules.decide("ITL", "JP", "acceptProposal", "CDM1").firing().orElseThrow().message().attempt());
        assertEquals(1, rules.decide("ITL", "JP", "acceptProposal", "CDM2").firing().orElseThrow().message().attempt());
    }

    @Test
    void whetherAProbableRuleFiresDependsOnTheSeedAndTheMessageNotOnTheOrderMessagesCameIn() {
        List<String> keys = IntStream.rangeClosed(1, 200).mapToObj(i -> "CDM" + i).toList();
        List<String> shuffled = new ArrayList<>(keys);
        Collections.shuffle(shuffled, new java.util.Random(7));

        List<String> inOrder = firedOn(42, keys);
        List<String> outOfOrder = firedOn(42, shuffled);
        Collections.sort(inOrder);
        Collections.sort(outOfOrder);
        assertEquals(inOrder, outOfOrder, "the same messages, whatever their order");
        assertFalse(inOrder.isEmpty());
        assertTrue(inOrder.size() < keys.size(), "a probability of 0.3 does not fire on every message");
        assertNotEquals(inOrder, sorted(firedOn(43, keys)), "another seed, other messages");
    }

    @Test
    void aSeededDecisionTakesTheDeliveryAttemptIntoAccount() {
        // with a probability, a resent message is decided afresh: across many messages, some first attempts are
        // dropped and their second is not
        FaultRules rules = new FaultRules(5);
        rules.add(rule("JP", FaultDirection.RECEIVES, null, RuleKind.DROP, null, 0.5));
        long differing = IntStream.rangeClosed(1, 50).filter(i -> {
            boolean first = fired(rules, "ITL", "JP", "acceptProposal", "CDM" + i).isPresent();
            boolean second = fired(rules, "ITL", "JP", "acceptProposal", "CDM" + i).isPresent();
            return first != second;
        }).count();
        assertTrue(differing > 0);
    }

    @Test
    void replacingTheRulesStartsTheCountsAgain() {
        FaultRules rules = new FaultRules(1);
        FaultRule nth = rule("JP", FaultDirection.RECEIVES, null, RuleKind.DROP, 1, null);
        rules.add(nth);
        assertTrue(fired(rules, "ITL", "JP", "acceptProposal", "CDM1").isPresent());
        assertTrue(fired(rules, "ITL", "JP", "acceptProposal", "CDM1").isEmpty());
        List<FaultRule> replaced = rules.replace(9L, List.of(nth));
        assertEquals(9, rules.seed());
        assertEquals("1", replaced.get(0).id(), "identifiers start again too");
        FaultRules.Firing again = rules.decide("ITL", "JP", "acceptProposal", "CDM1").firing().orElseThrow();
        assertEquals(1, again.message().attempt());
        assertEquals(12, rules.replace(12L, List.of()).isEmpty() ? rules.seed() : -1);
        assertTrue(rules.isEmpty());
    }

    @Test
    void aReorderRuleHoldsAMessageUntilTheNextItMatchesOrItsHoldEnds() {
        FaultRules rules = new FaultRules(1);
        FaultRule reorder = rules.add(new FaultRule(null, "JP", FaultDirection.RECEIVES, "acceptProposal",
                RuleKind.REORDER, 1, null, null, null));
        List<String> handedIn = new ArrayList<>();
        Instant now = Instant.parse("2016-01-05T09:00:00Z");

        FaultRules.Decision first = rules.decide("ITL", "JP", "acceptProposal", "CDM1");
        assertEquals(reorder, first.firing().orElseThrow().rule());
        assertTrue(rules.hold(new FaultRules.HeldMessage(reorder.id(), now.plus(reorder.hold()), () -> handedIn.add("CDM1"))));
        assertEquals(1, rules.heldCount());

        FaultRules.Decision second = rules.decide("ITL", "JP", "acceptProposal", "CDM2");
        assertTrue(second.firing().isEmpty(), "nth 1: the second is not held");
        assertEquals(1, second.after().size(), "the held one goes in after it");
        second.after().forEach(held -> held.handIn().run());
        assertEquals(List.of("CDM1"), handedIn);
        assertEquals(0, rules.heldCount());
    }

    @Test
    void aHeldMessageIsHandedInWhenItsHoldEndsOrItsRuleGoes() {
        FaultRules rules = new FaultRules(1);
        FaultRule reorder = rules.add(new FaultRule(null, "JP", FaultDirection.RECEIVES, null, RuleKind.REORDER, null,
                null, null, null));
        List<String> handedIn = new ArrayList<>();
        Instant now = Instant.parse("2016-01-05T09:00:00Z");
        rules.hold(new FaultRules.HeldMessage(reorder.id(), now.plusSeconds(60), () -> handedIn.add("A")));
        assertEquals(0, rules.releaseOverdue(now.plusSeconds(59)));
        assertEquals(1, rules.releaseOverdue(now.plusSeconds(60)));
        assertEquals(List.of("A"), handedIn);

        rules.hold(new FaultRules.HeldMessage(reorder.id(), now.plusSeconds(60), () -> handedIn.add("B")));
        assertTrue(rules.remove(reorder.id()));
        assertEquals(List.of("A", "B"), handedIn, "removing the rule hands in what it held");
        assertFalse(rules.hold(new FaultRules.HeldMessage(reorder.id(), now, () -> handedIn.add("C"))),
                "a removed rule holds nothing");
    }

    private static List<String> firedOn(long seed, List<String> keys) {
        FaultRules rules = new FaultRules(seed);
        rules.add(rule("JP", FaultDirection.RECEIVES, "acceptProposal", RuleKind.DROP, null, 0.3));
        List<String> fired = new ArrayList<>();
        for (String key : keys) {
            if (fired(rules, "ITL", "JP", "acceptProposal", key).isPresent()) {
                fired.add(key);
            }
        }
        return fired;
    }

    private static List<String> sorted(List<String> keys) {
        List<String> copy = new ArrayList<>(keys);
        Collections.sort(copy);
        return copy;
    }
}
