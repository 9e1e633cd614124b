package org.itlgateway.simulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.gateway.node.NodeStores;
import org.itlgateway.simulator.duties.TimeCheck;
import org.itlgateway.simulator.journal.Direction;
import org.itlgateway.simulator.journal.JournalEntry;
import org.itlgateway.simulator.network.Network;

/**
 * What a conformance test plays against: the network in-process (its clock, its journal, the ITL's transactions
 * and mirror of holdings, the simulated registries), the registry under test, and the waits for what happens
 * asynchronously between them (on the wall clock, up to a patience).
 */
public final class Conformance {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final int JOURNAL_LIMIT = 1_000_000;

    private final Network network;
    private final RegistryUnderTest registry;
    private final RegistryKind kind;
    private final Duration patience;
    private final Duration answerPatience;
    private final Map<String, Object> shared = new HashMap<>();
    private final Set<String> tracked = new LinkedHashSet<>();
    private final List<Runnable> undo = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Conformance(Network network, RegistryUnderTest registry, Duration patience) {
        this(network, registry, patience, patience);
    }

    /**
     * @param answerPatience how long the ITL waits for the registry's answer (8 or 6) to a proposal it forwarded to it,
     *                       from the registry's receipt of it; at most the patience
     */
    public Conformance(Network network, RegistryUnderTest registry, Duration patience, Duration answerPatience) {
        this.network = network;
        this.registry = registry;
        this.kind = RegistryKind.of(registry.code());
        this.patience = patience;
        this.answerPatience = answerPatience.compareTo(patience) < 0 ? answerPatience : patience;
    }

    public Network network() {
        return network;
    }

    public RegistryUnderTest registry() {
        return registry;
    }

    public String code() {
        return registry.code();
    }

    public RegistryKind kind() {
        return kind;
    }

    /** How long the runner waits for something to happen between the network and the registry. */
    public Duration patience() {
        return patience;
    }

    // ---- a test's bounds ----

    void beginTest(ConformanceTest test) {
        tracked.clear();
        undo.clear();
        notes.clear();
    }

    /** Something the test saw that the report should say (how a refusal was answered). */
    public void note(String text) {
        notes.add(text);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    /** Undoes what the test changed in the network (faults, parameters), last change first. */
    void endTest() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
        undo.clear();
    }

    /** Something to undo when the test ends, whatever its outcome. */
    public void afterTest(Runnable action) {
        undo.add(action);
    }

    /** A transaction of the test: its messages go into the report. */
    public String track(String transaction) {
        tracked.add(transaction);
        return transaction;
    }

    Set<String> tracked() {
        return Set.copyOf(tracked);
    }

    /** A value a test leaves for a later one (the issuance a later test transfers from). */
    public void share(String key, Object value) {
        shared.put(key, value);
    }

    public <T> T shared(String key, Class<T> type) {
        Object value = shared.get(key);
        if (value == null) {
            throw new ConformanceFailure("needs what an earlier test leaves (" + key + "), which it did not");
        }
        return type.cast(value);
    }

    // ---- the simulated clock ----

    /**
     * Moves the network's clock to {@code date} unless it is already past it (the clock keeps running from there),
     * then waits until the registry's clock agrees with the ITL's: a registry that follows the network's time reads it
     * now and then, and a proposal it dated before would be too old (4005).
     */
    public void on(String date) {
        Instant at = Instant.parse(date);
        if (network.clock().instant().isBefore(at)) {
            network.clock().set(at);
            awaitClockAgreement();
        }
    }

    /** Waits until the ITL's time check finds the registry's clock within the tolerance of its own. */
    public void awaitClockAgreement() {
        RegistryCode registryCode = RegistryCode.of(code());
        await(code() + "'s clock to follow the network's to " + network.clock().instant(), () -> network.duties()
                .timeChecks().check(registryCode).stream().filter(check -> check.status() == TimeCheck.Status.IN_TIME)
                .findFirst(), Duration.ofSeconds(1));
    }

    // ---- waiting ----

    /** Waits until {@code probe} answers something, up to the patience; the failure names what was awaited. */
    public <T> T await(String what, Supplier<Optional<T>> probe) {
        return await(what, probe, POLL);
    }

    /** The same, asking every {@code interval} (a probe that costs the registry a message). */
    public <T> T await(String what, Supplier<Optional<T>> probe, Duration interval) {
        return awaitUnlessSettled(what, probe, Optional::empty, interval);
    }

    /**
     * The same, ending as soon as the wait is decided: {@code settled}, read before each ask, answers why what is
     * awaited can no longer come, which is then the failure.
     */
    public <T> T awaitUnlessSettled(String what, Supplier<Optional<T>> probe, Supplier<Optional<String>> settled) {
        return awaitUnlessSettled(what, probe, settled, POLL);
    }

    /** The same, asking every {@code interval}. */
    public <T> T awaitUnlessSettled(String what, Supplier<Optional<T>> probe, Supplier<Optional<String>> settled,
                                    Duration interval) {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            Optional<String> decided = settled.get();
            Optional<T> answer = probe.get();
            if (answer.isPresent()) {
                return answer.get();
            }
            if (decided.isPresent()) {
                throw new ConformanceFailure(decided.get());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new ConformanceFailure("waited " + patience.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConformanceFailure("interrupted while waiting for " + what);
            }
        }
    }

    public void awaitThat(String what, BooleanSupplier condition) {
        await(what, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    // ---- the journal ----

    /** The ITL's journal entries of a transaction, oldest first (with the signed XML when asked). */
    public List<JournalEntry> journalOf(String transaction, boolean withXml) {
        return network.journal().find(transaction, null, null, null, null, JOURNAL_LIMIT, withXml);
    }

    /** Where the journal of the registry's messages stands now. */
    public long journalMark() {
        List<JournalEntry> entries = network.journal().find(null, null, null, null, code(), JOURNAL_LIMIT, false);
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).id();
    }

    /** The entries about the registry (sent to it, received from it) after {@code mark}, and those of the tracked transactions. */
    List<JournalEntry> messagesSince(long mark) {
        Map<Long, JournalEntry> entries = new java.util.TreeMap<>();
        for (JournalEntry entry : network.journal().find(null, null, null, null, code(), JOURNAL_LIMIT, true)) {
            if (entry.id() > mark) {
                entries.put(entry.id(), entry);
            }
        }
        for (String transaction : tracked) {
            journalOf(transaction, true).forEach(entry -> entries.put(entry.id(), entry));
        }
        return List.copyOf(entries.values());
    }

    /** Waits until the ITL received the registry's proposal of {@code transaction}, and checks it took it in (receipt 1). */
    public JournalEntry awaitProposalAtItl(String transaction) {
        JournalEntry received = await("the ITL to receive " + code() + "'s proposal " + transaction, () ->
                network.journal().find(transaction, "ITL", Direction.RECEIVED, "acceptProposal", code(), 10, true)
                        .stream().findFirst());
        if (!received.outcome().startsWith("receipt 1")) {
            throw new ConformanceFailure("the ITL refused the message of " + code() + "'s proposal " + transaction + ": "
                    + received.outcome());
        }
        return received;
    }

    /** Waits until the ITL received a proposal of the registry after {@code mark}; answers its transaction. */
    String awaitNewProposalFrom(String code, long mark) {
        return await("the ITL to receive a proposal from " + code, () -> network.journal()
                .find(null, "ITL", Direction.RECEIVED, "acceptProposal", code, JOURNAL_LIMIT, false).stream()
                .filter(entry -> entry.id() > mark && entry.transactionId() != null)
                .map(JournalEntry::transactionId).findFirst());
    }

    // ---- the ITL ----

    /** The transaction as the ITL records it. */
    public Optional<Transaction> atItl(String transaction) {
        NodeStores itl = network.stores("ITL");
        return itl.database().call(() -> itl.transactions().find(TransactionId.parse(transaction)));
    }

    /**
     * Waits until the ITL has the transaction in a final status, and answers it; when the ITL forwarded it to the
     * registry, for the registry's answer up to the answer patience from its receipt.
     */
    public Transaction finalAtItl(String transaction) {
        return finalAtItl(transaction, Optional::empty);
    }

    /** The same, ending too when {@code settled} answers why the ITL cannot finish it as awaited. */
    private Transaction finalAtItl(String transaction, Supplier<Optional<String>> settled) {
        Instant[] delivered = new Instant[1];
        try {
            return awaitUnlessSettled("the ITL to finish " + transaction, () -> atItl(transaction).filter(Transaction::isFinal),
                    () -> answerOverdue(transaction, delivered).or(settled));
        } catch (ConformanceFailure e) {
            throw new ConformanceFailure(e.getMessage() + "; it is " + atItl(transaction)
                    .map(t -> t.status() + " " + t.history()).orElse("unknown to the ITL") + unanswered(transaction)
                    + finalisedEarly(transaction));
        }
    }

    /**
     * Why the wait for the ITL to finish the transaction is over before the patience: the registry took in the ITL's
     * acceptProposal of it ({@code delivered[0]}, on the wall clock, when first seen) and has not answered it within
     * the answer patience. Empty while the answer patience is the patience.
     */
    private Optional<String> answerOverdue(String transaction, Instant[] delivered) {
        if (answerPatience.equals(patience)) {
            return Optional.empty();
        }
        if (delivered[0] == null) {
            boolean taken = network.journal().find(transaction, "ITL", Direction.SENT, "acceptProposal", code(), 10, false)
                    .stream().anyMatch(entry -> entry.outcome() != null && entry.outcome().startsWith("DELIVERED"));
            if (!taken) {
                return Optional.empty();
            }
            delivered[0] = Instant.now();
        }
        boolean answered = !network.journal().find(transaction, "ITL", Direction.RECEIVED, "acceptNotification", code(), 10,
                false).isEmpty();
        return !answered && Instant.now().isAfter(delivered[0].plus(answerPatience))
                ? Optional.of("waited " + answerPatience.toSeconds() + " s for " + code() + " to answer the ITL's "
                        + "acceptProposal of " + transaction)
                : Optional.empty();
    }

    /**
     * Why the ITL cannot complete the transaction (it may still end it otherwise): it refused the registry's
     * completion (4) as out of sequence (4008, before the acquiring registry's acceptance) and the registry's own
     * record (when driven) is final, so no other completion follows. Empty otherwise.
     */
    private Optional<String> completionRefused(String transaction) {
        // what the ITL did with each notification is in the outcome of its journal entry, the code and name of the rule
        // that refused it included
        String outOfSequence = ResponseCode.NOTIFICATION_OUT_OF_SEQUENCE.toString();
        boolean refused = network.journal().find(transaction, "ITL", Direction.PROCESSED, "acceptNotification", code(), 100,
                false).stream().anyMatch(entry -> entry.summary() != null && entry.summary().contains(" status 4")
                        && entry.outcome() != null && entry.outcome().contains(outOfSequence));
        if (!refused || registry.driven() && !registry.view("/transactions/" + transaction)
                .map(view -> view.path("final").asBoolean(false)).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of("the ITL cannot complete " + transaction + ": it refused " + code() + "'s completion (4) as out"
                + " of sequence (" + outOfSequence + "), and " + code() + " finished it, so no other completion follows");
    }

    /** Says so when the ITL forwarded the transaction to the registry and the registry never answered it. */
    private String unanswered(String transaction) {
        boolean forwarded = !network.journal().find(transaction, "ITL", Direction.SENT, "acceptProposal", code(), 10, false)
                .isEmpty();
        boolean answered = !network.journal().find(transaction, "ITL", Direction.RECEIVED, "acceptNotification", code(), 10,
                false).isEmpty();
        return forwarded && !answered ? "; " + code() + " never answered the ITL's acceptProposal of " + transaction
                + " (no acceptNotification 8 or 6)" : "";
    }

    /**
     * Says so when the registry confirmed the transaction completed (4) before the ITL told it the acquiring registry
     * accepted it (8): it finalised an external transfer on the ITL's 2.
     */
    private String finalisedEarly(String transaction) {
        List<JournalEntry> entries = network.journal().find(transaction, "ITL", null, "acceptNotification", code(), 100, false);
        Long confirmed = null;
        Long accepted = null;
        for (JournalEntry entry : entries) {
            String summary = entry.summary() == null ? "" : entry.summary();
            if (entry.direction() == Direction.RECEIVED && summary.contains(" status 4")) {
                confirmed = confirmed == null ? entry.id() : Math.min(confirmed, entry.id());
            } else if (entry.direction() == Direction.SENT && summary.contains(" status 8")) {
                accepted = accepted == null ? entry.id() : Math.min(accepted, entry.id());
            }
        }
        boolean external = atItl(transaction).map(t -> t.proposal().isExternal()).orElse(false);
        return external && confirmed != null && (accepted == null || confirmed < accepted) ? "; " + code()
                + " confirmed it completed (4) before the ITL told it the acquiring registry's acceptance (8): it "
                + "finalised on the ITL's 2 without waiting for the 8" : "";
    }

    /**
     * Checks the ITL finished the transaction with {@code status}; answers it. A completion awaited is over once the
     * ITL refused the registry's completion (4) as too early and the registry finished it (it confirms once).
     */
    public Transaction requireAtItl(String transaction, TransactionStatus status) {
        Transaction done = finalAtItl(transaction, status == TransactionStatus.COMPLETED
                ? () -> completionRefused(transaction) : Optional::empty);
        if (done.status() != status) {
            throw new ConformanceFailure("the ITL finished " + transaction + " as " + done.status() + ", not " + status
                    + ": " + done.history());
        }
        return done;
    }

    /**
     * Checks the ITL ended the transaction without completing it, with a result of code {@code code}: in its record,
     * or, for a proposal it refused before recording it, in the notification it sent the registry.
     */
    public void requireRefusedAtItl(String transaction, int code) {
        String told = await("the ITL to end " + transaction, () -> {
            Optional<Transaction> recorded = atItl(transaction).filter(Transaction::isFinal);
            if (recorded.isPresent()) {
                return Optional.of(recorded.get().status() + " " + recorded.get().history());
            }
            return network.journal().find(transaction, "ITL", Direction.SENT, "acceptNotification", code(), 100, false)
                    .stream().map(JournalEntry::summary).filter(summary -> summary != null && !summary.contains(" status 4"))
                    .filter(summary -> summary.contains(" status 5") || summary.contains(" status 3")
                            || summary.contains(" status 6"))
                    .findFirst();
        });
        Optional<Transaction> recorded = atItl(transaction);
        if (recorded.isPresent() && recorded.get().status() == TransactionStatus.COMPLETED) {
            throw new ConformanceFailure("the ITL completed " + transaction + ", which it should have refused with " + code);
        }
        boolean named = recorded.map(t -> t.history().stream().flatMap(change -> change.results().stream())
                .anyMatch(result -> result.code().code() == code)).orElse(false)
                || network.journal().find(transaction, "ITL", Direction.SENT, "acceptNotification", code(), 100, false)
                        .stream().anyMatch(entry -> entry.summary() != null && entry.summary().matches(".*\\b" + code + "\\b.*"));
        if (!named) {
            throw new ConformanceFailure("the ITL ended " + transaction + " without response code " + code + ": " + told);
        }
        note("the ITL ended " + transaction + (recorded.isPresent() ? " in its record: " : " before recording it, telling "
                + code() + ": ") + told);
    }

    /** What the ITL's mirror says the account holds. */
    public List<HeldBlock> mirrorOf(AccountRef account) {
        NodeStores itl = network.stores("ITL");
        return itl.database().call(() -> itl.ledger().heldBy(account));
    }

    public long mirrorQuantity(AccountRef account) {
        return mirrorOf(account).stream().mapToLong(held -> held.block().quantity()).sum();
    }

    /** Checks nothing in the ITL's mirror of the account is still reserved by the transaction. */
    public void requireReleasedInMirror(AccountRef account, String transaction) {
        awaitThat("the ITL's mirror to release what " + transaction + " reserved in " + account, () -> mirrorOf(account)
                .stream().noneMatch(held -> held.reservedBy() != null && held.reservedBy().toString().equals(transaction)));
    }

    // ---- the registry's own view (when driven) ----

    /**
     * Waits until the registry's own record of the transaction is final and answers its status code; empty when the
     * registry is not driven (its view cannot be read).
     */
    public Optional<Integer> finalAtRegistry(String transaction) {
        if (!registry.driven()) {
            return Optional.empty();
        }
        JsonNode seen = await(code() + " to finish " + transaction, () -> registry.view("/transactions/" + transaction)
                .filter(view -> view.path("final").asBoolean(false)));
        return Optional.of(seen.path("status").path("code").asInt());
    }

    /** Checks the registry (when driven) finished the transaction with {@code status}. */
    public void requireAtRegistry(String transaction, TransactionStatus status) {
        Optional<Integer> seen = finalAtRegistry(transaction);
        if (seen.isPresent() && seen.get() != status.code()) {
            throw new ConformanceFailure(code() + " finished " + transaction + " as status " + seen.get() + ", not "
                    + status.code() + " (" + status + ")");
        }
    }

    /** Checks the registry (when driven) ended the transaction without completing it. */
    public void requireNotCompletedAtRegistry(String transaction) {
        Optional<Integer> seen = finalAtRegistry(transaction);
        if (seen.isPresent() && seen.get() == TransactionStatus.COMPLETED.code()) {
            throw new ConformanceFailure(code() + " completed " + transaction + ", which the network ended otherwise"
                    + finalisedEarly(transaction));
        }
    }

    /** The blocks the registry (when driven) says the account holds. */
    public Optional<JsonNode> registryHoldings(AccountRef account) {
        return registry.driven() ? registry.view("/accounts/" + account + "/holdings") : Optional.empty();
    }

    /** Checks no block the registry (when driven) holds in the account is still reserved by the transaction. */
    public void requireReleasedAtRegistry(AccountRef account, String transaction) {
        if (!registry.driven()) {
            return;
        }
        String kept = " (it still holds units reserved by the transaction the network ended)";
        // the gateway releases what a transaction reserved in the step that ends it: units still reserved once its
        // record was final stay reserved, so the registry's record is read first, then its holdings
        awaitUnlessSettled(code() + " to release what " + transaction + " reserved in " + account + kept, () -> {
            for (JsonNode block : registryHoldings(account).orElseThrow().path("blocks")) {
                if (transaction.equals(block.path("reservedBy").asText(""))) {
                    return Optional.empty();
                }
            }
            return Optional.of(Boolean.TRUE);
        }, () -> registry.view("/transactions/" + transaction).filter(view -> view.path("final").asBoolean(false))
                .map(view -> code() + " ended " + transaction + " and kept what it reserved in " + account + kept));
    }
}
