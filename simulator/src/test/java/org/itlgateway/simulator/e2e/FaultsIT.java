package org.itlgateway.simulator.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Transaction;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.simulator.fault.FaultKind;
import org.itlgateway.simulator.fault.PeerFault;
import org.itlgateway.simulator.journal.Direction;
import org.itlgateway.simulator.journal.JournalEntry;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.support.CdmActions;
import org.itlgateway.simulator.support.TestNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every fault kind a tester can set, played on a transfer from the CDM registry to Japan. */
class FaultsIT {

    private static final AccountRef JAPAN = CdmActions.account("JP", 20045);

    private Network network;
    private CdmActions cdm;
    private AccountRef held;

    @BeforeEach
    void unitsToTransfer() {
        network = TestNetwork.get();
        cdm = new CdmActions(network);
        held = cdm.holdingOf(4321, CommitmentPeriod.CP2, 1_000, "2016-01-04T09:00:00Z");
    }

    @AfterEach
    void clearFaults() {
        network.faults().clearAll();
    }

    @Test
    void aTransferSurvivesTheAcquiringRegistryBeingDownForASimulatedHourAndCompletesAfter() {
        network.faults().set("JP", new PeerFault(FaultKind.UNAVAILABLE, 0, 0));
        TransactionId id = cdm.transfer(held, JAPAN, 4321, 100, "2016-01-05T09:00:00Z");
        network.settle();
        for (int minutes = 0; minutes < 60; minutes += 5) {
            network.advance(Duration.ofMinutes(5));
        }
        assertEquals(TransactionStatus.CHECKED_NO_DISCREPANCY, cdm.at("ITL", id).status(), "still waiting for Japan");
        assertTrue(sentTo("JP", id).stream().filter(e -> e.outcome().startsWith("NO_RECEIPT")).count() >= 3,
                "the ITL kept trying");

        network.faults().clear("JP");
        network.advance(Duration.ofHours(1));

        assertEquals(TransactionStatus.COMPLETED, cdm.at("CDM", id).status());
        assertEquals(TransactionStatus.COMPLETED, cdm.at("JP", id).status());
    }

    @Test
    void aRegistryThatNeverAnswersEndsInTerminationAfter24SimulatedHours() {
        network.faults().set("JP", new PeerFault(FaultKind.UNAVAILABLE, 0, 0));
        TransactionId id = cdm.transfer(held, JAPAN, 4321, 100, "2016-02-01T09:00:00Z");
        network.settle();
        network.advance(Duration.ofHours(23).plusMinutes(59));
        assertEquals(TransactionStatus.CHECKED_NO_DISCREPANCY, cdm.at("ITL", id).status(), "not yet");

        network.advance(Duration.ofMinutes(2));

        Transaction atCdm = cdm.at("CDM", id);
        assertEquals(TransactionStatus.TERMINATED, atCdm.status(), () -> atCdm.history().toString());
        assertEquals(TransactionStatus.TERMINATED, cdm.at("ITL", id).status());
        assertTrue(codes(atCdm).contains(ResponseCode.TRANSACTION_OVERDUE));
        assertEquals(1_000 - 20, cdm.heldBy("CDM", held), "the units are free in the holding account again");
    }

    @Test
    void aRegistryThatTimesOutIsTriedAgainAndTheTransferCompletesOnceItAnswers() {
        network.faults().set("JP", new PeerFault(FaultKind.TIMEOUT, 0, 0));
        TransactionId id = cdm.transfer(held, JAPAN, 4321, 100, "2016-03-01T09:00:00Z");
        network.settle();
        assertTrue(sentTo("JP", id).stream().anyMatch(e -> e.outcome().startsWith("NO_RECEIPT")), "the call timed out");

        network.faults().clear("JP");
        network.advance(Duration.ofMinutes(1));

        assertEquals(TransactionStatus.COMPLETED, cdm.at("CDM", id).status());
    }

    @Test
    void aSlowRegistryStillCompletesTheTransfer() {
        network.faults().set("JP", new PeerFault(FaultKind.SLOW, 300, 0));
        TransactionId id = cdm.transfer(held, JAPAN, 4321, 100, "2016-04-01T09:00:00Z");
        network.settle();
        assertEquals(TransactionStatus.COMPLETED, cdm.at("CDM", id).status());
    }

    @Test
    void aMalformedReplyIsRetriedAndTheRegistryAppliesTheTransferOnce() {
        network.faults().set("JP", new PeerFault(FaultKind.MALFORMED_REPLY, 0, 0));
        TransactionId id = cdm.transfer(held, JAPAN, 4321, 100, "2016-05-02T09:00:00Z");
        network.settle();
        network.faults().clear("JP");
        network.advance(Duration.ofMinutes(1));

        assertEquals(TransactionStatus.COMPLETED, cdm.at("CDM", id).status());
        long proposalsProcessedByJapan = network.journal().find(id.toString(), "JP", Direction.PROCESSED, 100, false)
                .stream().filter(e -> e.operation().equals("acceptProposal")).count();
        assertEquals(1, proposalsProcessedByJapan, "the resent proposal was recognised as the same message");
        assertTrue(network.journal().find(id.toString(), "JP", Direction.RECEIVED, 100, false).stream()
                .filter(e -> e.operation().equals("acceptProposal")).count() >= 2, "it was received twice");
    }

    @Test
    void aRegistryThatRefusesEverythingLeavesTheTransferToBeTerminated() {
        network.faults().set("JP", new PeerFault(FaultKind.REFUSE_ALL, 0, 5303));
        TransactionId id = cdm.transfer(held, JAPAN, 4321, 100, "2016-06-01T09:00:00Z");
        network.settle();
        assertTrue(sentTo("JP", id).stream().anyMatch(e -> e.outcome().startsWith("REFUSED") && e.outcome().contains("5303")),
                "Japan's receipt refused the forwarded proposal with the tester's code");
        network.advance(Duration.ofHours(25));
        assertEquals(TransactionStatus.TERMINATED, cdm.at("CDM", id).status());
    }

    @Test
    void aRegistryThatLostItsNotificationsRecoversTheStatusFromTheItlAndCompletes() {
        network.faults().set("CDM", new PeerFault(FaultKind.REFUSE_ALL, 0, 1010));
        TransactionId id = cdm.transfer(held, JAPAN, 4321, 100, "2016-08-01T09:00:00Z");
        network.settle();
        assertEquals(TransactionStatus.ACCEPTED, cdm.at("ITL", id).status(), "Japan accepted");
        assertEquals(TransactionStatus.PROPOSED, cdm.at("CDM", id).status(), "the CDM registry heard nothing");

        network.faults().clear("CDM");
        network.advance(Duration.ofMinutes(30));
        assertEquals(TransactionStatus.PROPOSED, cdm.at("CDM", id).status(), "it waits an hour before asking");
        network.advance(Duration.ofMinutes(45));

        assertEquals(TransactionStatus.COMPLETED, cdm.at("CDM", id).status());
        assertEquals(TransactionStatus.COMPLETED, cdm.at("ITL", id).status());
        assertEquals(TransactionStatus.COMPLETED, cdm.at("JP", id).status());
        assertTrue(network.journal().find(id.toString(), "ITL", Direction.RECEIVED, 100, false).stream()
                .anyMatch(e -> e.operation().equals("getTransactionStatus")), "the CDM registry asked the ITL");
    }

    @Test
    void theJournalHoldsTheSignedXmlOfWhatEachNodeReceivedAndSent() {
        TransactionId id = cdm.transfer(held, JAPAN, 4321, 100, "2016-07-01T09:00:00Z");
        network.settle();
        List<JournalEntry> entries = network.journal().find(id.toString(), null, null, 100, true);
        assertTrue(entries.stream().anyMatch(e -> e.node().equals("ITL") && e.direction() == Direction.RECEIVED
                && e.rawXml() != null && e.rawXml().contains("SignatureValue")));
        assertTrue(entries.stream().anyMatch(e -> e.node().equals("ITL") && e.direction() == Direction.SENT
                && e.peer().equals("JP") && e.rawXml() != null && e.rawXml().contains("SignatureValue")));
        assertTrue(entries.stream().anyMatch(e -> e.node().equals("JP") && e.direction() == Direction.PROCESSED
                && e.outcome().contains("accepted")));
    }

    private List<JournalEntry> sentTo(String destination, TransactionId id) {
        return network.journal().find(id.toString(), "ITL", Direction.SENT, 500, false).stream()
                .filter(e -> destination.equals(e.peer())).toList();
    }

    private static List<ResponseCode> codes(Transaction transaction) {
        return transaction.history().stream().flatMap(c -> c.results().stream()).map(EvaluationResult::code).toList();
    }
}
