package org.itlgateway.simulator.fault;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fault rules of the network and the seed their chances are drawn from. Which rule fires on a message is decided
 * here: the first rule, in the order they were added, that matches the message (from its destination's side, then
 * from its sender's) and fires on it: on its Nth match, with its probability, or always. A probability is decided
 * from the seed and the message's identity only ({@link SeededChance}), never from the order things happen in.
 */
public final class FaultRules {

    private static final Logger LOG = LoggerFactory.getLogger(FaultRules.class);

    private long seed;
    private long nextId = 1;
    private final Map<String, FaultRule> rules = new LinkedHashMap<>();
    private final Map<String, Integer> matched = new HashMap<>();
    private final Map<String, Integer> attempts = new HashMap<>();
    private final Map<String, CountDownLatch> releases = new HashMap<>();
    private final Map<String, List<HeldMessage>> held = new HashMap<>();

    public FaultRules(long seed) {
        this.seed = seed;
    }

    /** A rule that fired on a message, and the message as the rule sees it. */
    public record Firing(FaultRule rule, MessageIdentity message) {
    }

    /** A message a REORDER rule holds back, handed in by {@code handIn} when its turn comes. */
    public record HeldMessage(String rule, Instant until, Runnable handIn) {
    }

    public synchronized long seed() {
        return seed;
    }

    public synchronized boolean isEmpty() {
        return rules.isEmpty();
    }

    public synchronized List<FaultRule> all() {
        return List.copyOf(rules.values());
    }

    /** Adds a rule at the end; answers it with its identifier. */
    public FaultRule add(FaultRule rule) {
        FaultRule added;
        synchronized (this) {
            added = rule.withId(Long.toString(nextId++));
            rules.put(added.id(), added);
            releases.put(added.id(), new CountDownLatch(1));
        }
        return added;
    }

    /**
     * Replaces every rule with {@code replacement} and, when given, the seed; the counts start again (the Nth
     * message, a message's attempts), so a scenario played again after it meets the same faults.
     */
    public List<FaultRule> replace(Long newSeed, List<FaultRule> replacement) {
        clear();
        synchronized (this) {
            if (newSeed != null) {
                seed = newSeed;
            }
            nextId = 1;
        }
        replacement.forEach(this::add);
        return all();
    }

    /** Removes a rule, handing in what it holds and ending its delays; answers whether there was one. */
    public boolean remove(String id) {
        List<HeldMessage> released;
        synchronized (this) {
            if (rules.remove(id) == null) {
                return false;
            }
            matched.remove(id);
            CountDownLatch release = releases.remove(id);
            if (release != null) {
                release.countDown();
            }
            released = held.remove(id);
        }
        handIn(released);
        return true;
    }

    /** Removes every rule (see {@link #remove}) and forgets the counts. */
    public void clear() {
        List<String> ids;
        synchronized (this) {
            ids = new ArrayList<>(rules.keySet());
        }
        ids.forEach(this::remove);
        synchronized (this) {
            attempts.clear();
            matched.clear();
        }
    }

    /**
     * What happens to a message from {@code from} to {@code to}: the rule that fires on it, if any, and the messages
     * REORDER rules it matches held back until now, to be handed in after it. Counts the message's delivery attempt
     * and the matches of every rule it matches.
     */
    public synchronized Decision decide(String from, String to, String operation, String key) {
        if (rules.isEmpty()) {
            return Decision.NONE;
        }
        int attempt = attempts.merge(from + ">" + to + "|" + operation + "|" + key, 1, Integer::sum);
        MessageIdentity received = new MessageIdentity(to, FaultDirection.RECEIVES, from, operation, key, attempt);
        MessageIdentity sent = new MessageIdentity(from, FaultDirection.SENDS, to, operation, key, attempt);
        Firing firing = null;
        List<HeldMessage> after = new ArrayList<>();
        for (FaultRule rule : rules.values()) {
            MessageIdentity seen = rule.direction() == FaultDirection.RECEIVES ? received : sent;
            if (!rule.matches(seen.node(), seen.direction(), seen.operation())) {
                continue;
            }
            boolean fired = fires(rule, seen);
            List<HeldMessage> ofRule = held.get(rule.id());
            if (ofRule != null && !ofRule.isEmpty()) {
                after.add(ofRule.remove(0));
            } else if (fired && firing == null && rule.kind() == RuleKind.REORDER) {
                firing = new Firing(rule, seen);
            }
            if (fired && firing == null && rule.kind() != RuleKind.REORDER) {
                firing = new Firing(rule, seen);
            }
        }
        return new Decision(Optional.ofNullable(firing), List.copyOf(after));
    }

    /**
     * What happens to one message: the rule that fires on it (a REORDER rule firing means the message is held), and
     * the held messages to hand in after it.
     */
    public record Decision(Optional<Firing> firing, List<HeldMessage> after) {
        static final Decision NONE = new Decision(Optional.empty(), List.of());
    }

    /**
     * Holds a message back for a REORDER rule until the rule's next match or the end of its hold; answers false (and
     * holds nothing) when the rule is gone.
     */
    synchronized boolean hold(HeldMessage message) {
        if (!rules.containsKey(message.rule())) {
            return false;
        }
        held.computeIfAbsent(message.rule(), r -> new ArrayList<>()).add(message);
        return true;
    }

    private boolean fires(FaultRule rule, MessageIdentity message) {
        int count = matched.merge(rule.id(), 1, Integer::sum);
        if (rule.nth() != null) {
            return count == rule.nth();
        }
        if (rule.probability() != null) {
            return SeededChance.uniform(seed, message.parts(rule, "fires")) < rule.probability();
        }
        return true;
    }

    /** What a DELAY of the rule waits on: released when the rule is removed. */
    synchronized CountDownLatch releaseOf(String rule) {
        return releases.getOrDefault(rule, new CountDownLatch(0));
    }

    /** Hands in the held messages whose hold has ended at {@code now}; answers how many. */
    public int releaseOverdue(Instant now) {
        List<HeldMessage> due = new ArrayList<>();
        synchronized (this) {
            for (List<HeldMessage> ofRule : held.values()) {
                ofRule.removeIf(message -> {
                    boolean over = !message.until().isAfter(now);
                    if (over) {
                        due.add(message);
                    }
                    return over;
                });
            }
        }
        handIn(due);
        return due.size();
    }

    /** How many messages the rules hold back now. */
    public synchronized int heldCount() {
        return held.values().stream().mapToInt(List::size).sum();
    }

    /** Hands in held messages, each on its own: one the node fails on does not keep the others back. */
    static void handIn(List<HeldMessage> messages) {
        if (messages == null) {
            return;
        }
        for (HeldMessage message : messages) {
            try {
                message.handIn().run();
            } catch (RuntimeException e) {
                LOG.warn("a message held back by fault rule {} could not be handed in", message.rule(), e);
            }
        }
    }
}
