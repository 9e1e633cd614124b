package org.itlgateway.simulator.fault;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;

/**
 * A fault a tester adds: which messages it matches (a node, the direction seen from it, an operation or any) and what
 * it does to them, on the Nth matching message only, on each with a probability, or on every one.
 *
 * @param id          given by the network when the rule is added
 * @param node        the node whose messages it matches
 * @param direction   the messages the node RECEIVES or SENDS
 * @param operation   the operation's wire name (acceptProposal, acceptNotification ...); null for any
 * @param kind        what it does
 * @param nth         only the Nth message the rule matches (1 the first); null for no such condition
 * @param probability each matching message with this probability, decided from the network's seed; null for 1
 * @param delay       DELAY: how long
 * @param holdFor     REORDER: the longest a held message waits (simulated time); null for {@link #DEFAULT_HOLD}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultRule(String id, String node, FaultDirection direction, String operation, RuleKind kind, Integer nth,
                        Double probability, DelayDistribution delay, Duration holdFor) {

    /** How long a REORDER rule holds a message when no next message comes, unless the rule says. */
    public static final Duration DEFAULT_HOLD = Duration.ofMinutes(1);

    public FaultRule {
        if (node == null || node.isBlank()) {
            throw new InvalidRule("node", "node is required: the code of a node of the network (ITL, CDM, JP ...)");
        }
        if (direction == null) {
            throw new InvalidRule("direction", "direction is required: RECEIVES or SENDS");
        }
        if (kind == null) {
            throw new InvalidRule("kind", "kind is required: one of " + java.util.Arrays.toString(RuleKind.values()));
        }
        if (operation != null && operation.isBlank()) {
            operation = null;
        }
        if (nth != null && probability != null) {
            throw new InvalidRule("nth", "say nth or probability, not both");
        }
        if (nth != null && nth < 1) {
            throw new InvalidRule("nth", "nth counts the matching messages from 1, not " + nth);
        }
        if (probability != null && !(probability >= 0 && probability <= 1)) {
            throw new InvalidRule("probability", "a probability is from 0 to 1, not " + probability);
        }
        if (kind == RuleKind.DELAY && delay == null) {
            throw new InvalidRule("delay", "a DELAY rule needs a delay: {\"distribution\": \"FIXED\", \"millis\": 500}");
        }
        if (kind != RuleKind.DELAY && delay != null) {
            throw new InvalidRule("delay", "only a DELAY rule takes a delay");
        }
        if (holdFor != null && (kind != RuleKind.REORDER || holdFor.isNegative() || holdFor.isZero())) {
            throw new InvalidRule("holdFor", "holdFor is a positive duration, and only a REORDER rule takes it");
        }
    }

    /** The same rule with the identifier the network gives it. */
    public FaultRule withId(String newId) {
        return new FaultRule(newId, node, direction, operation, kind, nth, probability, delay, holdFor);
    }

    /** Whether the rule is about this message, seen from its node. */
    public boolean matches(String messageNode, FaultDirection messageDirection, String messageOperation) {
        return node.equals(messageNode) && direction == messageDirection
                && (operation == null || operation.equals(messageOperation));
    }

    /** How long a REORDER rule holds a message at most. */
    public Duration hold() {
        return holdFor == null ? DEFAULT_HOLD : holdFor;
    }

    /** What the rule is, without its identifier or counts: two equal rules decide alike under one seed. */
    String signature() {
        return node + "|" + direction + "|" + (operation == null ? "*" : operation) + "|" + kind + "|" + nth + "|"
                + probability;
    }
}
