package org.itlgateway.simulator.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.simulator.fault.DelayDistribution;
import org.itlgateway.simulator.fault.FaultDirection;
import org.itlgateway.simulator.fault.FaultRule;
import org.itlgateway.simulator.fault.RuleKind;
import org.itlgateway.simulator.journal.Direction;
import org.itlgateway.simulator.journal.JournalEntry;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.CdmActions;
import org.itlgateway.simulator.support.TestNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of fault rule, played on a transfer from the CDM registry to Japan: the ITL forwards the proposal to
 * Japan (acceptProposal), Japan answers, the ITL notifies both registries (acceptNotification).
 */
class FaultRulesIT {

    private static final AccountRef JAPAN = CdmActions.account("JP", 20045);
    private static final long PROJECT = 4321;
    private static final String PROPOSAL = "acceptProposal";
    private static final String NOTIFICATION = "acceptNotification";

    private Network network;
    private CdmActions cdm;
    private AccountRef held;

    @BeforeEach
    void unitsToTransfer() {
        network = TestNetwork.get();
        cdm = new CdmActions(network);
        held = cdm.holdingOf(PROJECT, CommitmentPeriod.CP2, 1_000, "2017-01-02T09:00:00Z");
    }

    @AfterEach
    void clearFaults() {
        network.faults().clearAll();
    }

    @Test
    void japansReplyDroppedTheItlResendsAndJapanAppliesTheProposalOnce() {
        theReplyBrokenOnce(RuleKind.DROP, "2017-01-03T09:00:00Z");
    }

    @Test
    void japansConnectionResetTheItlResendsAndJapanAppliesTheProposalOnce() {
        theReplyBrokenOnce(RuleKind.CONNECTION_RESET, "2017-01-04T09:00:00Z");
    }

    @Test
    void japansReplyCutHalfWayTheItlResendsAndJapanAppliesTheProposalOnce() {
        theReplyBrokenOnce(RuleKind.TRUNCATED_BODY, "2017-01-05T09:00:00Z");
    }

    @Test
    void japansReplyGarbledTheItlResendsAndJapanAppliesTheProposalOnce() {
        theReplyBrokenOnce(RuleKind.GARBAGE_THEN_CLOSE, "2017-01-06T09:00:00Z");
    }

    /**
     * Japan takes the first proposal in and its answer is broken: the ITL has no receipt and sends it again, Japan
     * recognises the resent proposal, processes it once, and the transfer completes everywhere.
     */
    private void theReplyBrokenOnce(RuleKind kind, String date) {
        network.faults().rules().add(rule("JP", FaultDirection.RECEIVES, PROPOSAL, kind, 1));
        TransactionId id = cdm.transfer(held, JAPAN, PROJECT, 100, date);
        network.settle();
        network.advance(Duration.ofMinutes(1));

        List<JournalEntry> sent = sentBy("ITL", "JP", PROPOSAL, id);
        assertTrue(sent.get(0).outcome().startsWith("NO_RECEIPT"), () -> kind + ": the first had no receipt: " + sent);
        assertTrue(sent.get(sent.size() - 1).outcome().startsWith("DELIVERED"), () -> "it was sent again: " + sent);
        assertEquals(sent.size(), entries("JP", Direction.RECEIVED, PROPOSAL, id).size(),
                "Japan took in every attempt, the broken one and the resent one");
        assertEquals(1, entries("JP", Direction.PROCESSED, PROPOSAL, id).size(), "and processed it once");
        completedEverywhere(id);
    }

    @Test
    void aProposalLostOnTheWayFromTheItlIsSentAgainAndReachesJapanOnce() {
        network.faults().rules().add(rule("ITL", FaultDirection.SENDS, PROPOSAL, RuleKind.DROP, 1));
        TransactionId id = cdm.transfer(held, JAPAN, PROJECT, 100, "2017-02-01T09:00:00Z");
        network.settle();
        assertTrue(entries("JP", Direction.RECEIVED, PROPOSAL, id).isEmpty(), "the proposal never reached Japan");
        assertTrue(sentBy("ITL", "JP", PROPOSAL, id).get(0).outcome().startsWith("NO_RECEIPT"));

        network.advance(Duration.ofMinutes(1));

        assertEquals(1, entries("JP", Direction.RECEIVED, PROPOSAL, id).size(), "the resent one arrived, once");
        assertEquals(1, entries("JP", Direction.PROCESSED, PROPOSAL, id).size());
        completedEverywhere(id);
    }

    @Test
    void aDuplicatedProposalIsRecognisedAndAppliedOnce() {
        network.faults().rules().add(rule("JP", FaultDirection.RECEIVES, PROPOSAL, RuleKind.DUPLICATE, null));
        TransactionId id = cdm.transfer(held, JAPAN, PROJECT, 100, "2017-03-01T09:00:00Z");
        network.settle();

        List<JournalEntry> received = entries("JP", Direction.RECEIVED, PROPOSAL, id);
        assertEquals(2, received.size(), "delivered twice");
        assertTrue(received.stream().allMatch(e -> e.outcome().equals("receipt 1")), received::toString);
        assertEquals(1, entries("JP", Direction.PROCESSED, PROPOSAL, id).size(), "processed once");
        assertEquals(1, sentBy("ITL", "JP", PROPOSAL, id).size(), "the ITL sent it once");
        completedEverywhere(id);
    }

    @Test
    void notificationsTheItlSendsTwiceAreEachProcessedOnce() {
        network.faults().rules().add(rule("ITL", FaultDirection.SENDS, NOTIFICATION, RuleKind.DUPLICATE, null));
        TransactionId id = cdm.transfer(held, JAPAN, PROJECT, 100, "2017-03-02T09:00:00Z");
        network.settle();

        for (String registry : List.of("CDM", "JP")) {
            int processed = entries(registry, Direction.PROCESSED, NOTIFICATION, id).size();
            assertTrue(processed >= 1, registry + " was notified");
            assertEquals(2 * processed, entries(registry, Direction.RECEIVED, NOTIFICATION, id).size(),
                    registry + " received each notification twice and processed it once");
        }
        completedEverywhere(id);
    }

    @Test
    void aProposalHeldBackReachesJapanAfterTheNextAndBothTransfersComplete() {
        network.faults().rules().add(rule("JP", FaultDirection.RECEIVES, PROPOSAL, RuleKind.REORDER, 1));
        TransactionId first = cdm.transfer(held, JAPAN, PROJECT, 100, "2017-04-03T09:00:00Z");
        TransactionId second = cdm.transfer(held, JAPAN, PROJECT, 50, "2017-04-03T09:00:00Z");
        network.settle();

        assertEquals(List.of(second.toString(), first.toString()), inOrder("JP", Direction.RECEIVED, first, second),
                "the first proposal reached Japan after the second");
        assertEquals(List.of(second.toString(), first.toString()), inOrder("JP", Direction.PROCESSED, first, second),
                "and was processed after it");
        assertTrue(sentBy("ITL", "JP", PROPOSAL, first).get(0).outcome().startsWith("DELIVERED"),
                "the ITL had its receipt at once");
        completedEverywhere(first);
        completedEverywhere(second);
    }

    @Test
    void aProposalHeldBackWithNothingAfterItReachesJapanWhenItsHoldEnds() {
        network.faults().rules().add(new FaultRule(null, "JP", FaultDirection.RECEIVES, PROPOSAL, RuleKind.REORDER, 1,
                null, null, Duration.ofMinutes(5)));
        TransactionId id = cdm.transfer(held, JAPAN, PROJECT, 100, "2017-04-10T09:00:00Z");
        network.settle();
        network.advance(Duration.ofMinutes(4));
        assertTrue(entries("JP", Direction.RECEIVED, PROPOSAL, id).isEmpty(), "held for 5 simulated minutes");
        assertEquals(1, network.faults().rules().heldCount());
        assertEquals(TransactionStatus.CHECKED_NO_DISCREPANCY, cdm.at("ITL", id).status(), "the ITL waits for Japan");

        network.advance(Duration.ofMinutes(1));

        assertEquals(1, entries("JP", Direction.RECEIVED, PROPOSAL, id).size());
        assertEquals(0, network.faults().rules().heldCount());
        completedEverywhere(id);
    }

    @Test
    void anAnswerDelayedBeyondTheCallersPatienceIsResentAndAppliedOnce() {
        // a delay far beyond the network's client timeout (held no longer than a caller waits)
        network.faults().rules().add(new FaultRule(null, "JP", FaultDirection.RECEIVES, PROPOSAL, RuleKind.DELAY, 1, null,
                DelayDistribution.fixed(60_000), null));
        TransactionId id = cdm.transfer(held, JAPAN, PROJECT, 100, "2017-05-02T09:00:00Z");
        network.settle();
        network.advance(Duration.ofMinutes(1));

        List<JournalEntry> sent = sentBy("ITL", "JP", PROPOSAL, id);
        assertTrue(sent.get(0).outcome().startsWith("NO_RECEIPT"), () -> "the ITL gave up waiting: " + sent);
        assertEquals(1, entries("JP", Direction.PROCESSED, PROPOSAL, id).size(), "Japan applied it once");
        completedEverywhere(id);
    }

    @Test
    void shortDelaysOfEveryKindOfDistributionOnlySlowTheTransferDown() {
        network.faults().rules().add(new FaultRule(null, "JP", FaultDirection.RECEIVES, null, RuleKind.DELAY, null, null,
                DelayDistribution.uniform(1, 20), null));
        network.faults().rules().add(new FaultRule(null, "ITL", FaultDirection.SENDS, null, RuleKind.DELAY, null, null,
                DelayDistribution.lognormal(10, 0.3), null));
        network.faults().rules().add(new FaultRule(null, "CDM", FaultDirection.RECEIVES, null, RuleKind.DELAY, null, null,
                DelayDistribution.fixed(5), null));
        TransactionId id = cdm.transfer(held, JAPAN, PROJECT, 100, "2017-05-03T09:00:00Z");
        network.settle();
        completedEverywhere(id);
    }

    @Test
    void aRuleWithAProbabilityOfOneFiresOnEveryMatchAndOfZeroOnNone() {
        network.faults().rules().add(new FaultRule(null, "JP", FaultDirection.RECEIVES, PROPOSAL, RuleKind.DROP, null, 0.0,
                null, null));
        network.faults().rules().add(new FaultRule(null, "JP", FaultDirection.RECEIVES, PROPOSAL, RuleKind.DUPLICATE, null,
                1.0, null, null));
        TransactionId id = cdm.transfer(held, JAPAN, PROJECT, 100, "2017-06-01T09:00:00Z");
        network.settle();
        assertEquals(2, entries("JP", Direction.RECEIVED, PROPOSAL, id).size(), "duplicated, never dropped");
        completedEverywhere(id);
    }

    private static FaultRule rule(String node, FaultDirection direction, String operation, RuleKind kind, Integer nth) {
        return new FaultRule(null, node, direction, operation, kind, nth, null, null, null);
    }

    private void completedEverywhere(TransactionId id) {
        assertEquals(TransactionStatus.COMPLETED, cdm.at("CDM", id).status(), () -> cdm.at("CDM", id).history().toString());
        assertEquals(TransactionStatus.COMPLETED, cdm.at("ITL", id).status());
        assertEquals(TransactionStatus.COMPLETED, cdm.at("JP", id).status());
    }

    /** What a node sent to a peer about a transaction, oldest first. */
    private List<JournalEntry> sentBy(String node, String peer, String operation, TransactionId id) {
        return entries(node, Direction.SENT, operation, id).stream().filter(e -> peer.equals(e.peer())).toList();
    }

    /** A node's journal entries of one direction and operation about a transaction, oldest first. */
    private List<JournalEntry> entries(String node, Direction direction, String operation, TransactionId id) {
        return network.journal().find(id.toString(), node, direction, 500, false).stream()
                .filter(e -> e.operation().equals(operation)).sorted(Comparator.comparingLong(JournalEntry::id)).toList();
    }

    /** The transactions of two proposals in the order a node's journal has them. */
    private List<String> inOrder(String node, Direction direction, TransactionId first, TransactionId second) {
        return java.util.stream.Stream.concat(entries(node, direction, PROPOSAL, first).stream(),
                        entries(node, direction, PROPOSAL, second).stream())
                .sorted(Comparator.comparingLong(JournalEntry::id)).map(JournalEntry::transactionId).toList();
    }
}
