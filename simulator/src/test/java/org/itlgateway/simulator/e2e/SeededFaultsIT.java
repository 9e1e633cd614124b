package org.itlgateway.simulator.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.simulator.journal.Direction;
import org.itlgateway.simulator.journal.JournalEntry;
import org.itlgateway.simulator.support.CdmActions;
import org.itlgateway.simulator.support.ControlledNetwork;
import org.itlgateway.simulator.support.OperatorClient;
import org.junit.jupiter.api.Test;

/**
 * The same seed and the same scenario meet the same faults: one scenario of transfers under probable fault rules,
 * played on fresh networks, gives the same journal under the same seed and another under another seed.
 *
 * <p>The journals are compared in a normal form: each entry as its node, direction, peer, operation, transaction
 * and outcome, without its number or times, and the entries as a sorted list (a multiset), not in the order they
 * were written. That is what a seed must fix: which messages each node received, processed and sent, how often
 * (a duplicate, a resend) and with what outcome. The order of the entries is not: a node sends to its peers side
 * by side (a lane per destination), so the entries of two lanes interleave as the threads happen to run; and the
 * numbers and times of the entries follow from that order and from the wall clock. An outcome without a receipt
 * is kept as NO_RECEIPT without the transport's words, which name how the client noticed the broken connection.
 */
class SeededFaultsIT {

    private static final AccountRef JAPAN = CdmActions.account("JP", 20045);
    private static final long PROJECT = 4321;
    private static final int TRANSFERS = 5;

    /** Probable faults on every leg of a transfer, each decided from the seed and the message. */
    private static final String RULES = """
            [{"node": "ITL", "direction": "RECEIVES", "operation": "acceptProposal", "kind": "DROP", "probability": 0.4},
             {"node": "JP", "direction": "RECEIVES", "operation": "acceptProposal", "kind": "CONNECTION_RESET", "probability": 0.4},
             {"node": "ITL", "direction": "SENDS", "operation": "acceptNotification", "kind": "DUPLICATE", "probability": 0.5},
             {"node": "JP", "direction": "SENDS", "kind": "TRUNCATED_BODY", "probability": 0.3},
             {"node": "CDM", "direction": "RECEIVES", "operation": "acceptNotification", "kind": "GARBAGE_THEN_CLOSE", "probability": 0.3}]""";

    @Test
    void theSameSeedGivesTheSameJournalAndAnotherSeedAnother() {
        List<String> first = playedUnder(7);
        List<String> again = playedUnder(7);
        List<String> other = playedUnder(8);

        assertEquals(first, again, "the same seed, the same faults");
        assertNotEquals(first, other, "another seed, other faults");
        assertTrue(first.stream().anyMatch(entry -> entry.contains("NO_RECEIPT")), "the scenario met faults");
    }

    /** Plays the scenario on a fresh network under {@code seed}; answers its journal in normal form. */
    private static List<String> playedUnder(long seed) {
        try (ControlledNetwork controlled = ControlledNetwork.start()) {
            var network = controlled.network();
            CdmActions cdm = new CdmActions(network);
            AccountRef held = cdm.holdingOf(PROJECT, CommitmentPeriod.CP2, 1_000, "2018-01-02T09:00:00Z");
            OperatorClient.Answer set = controlled.api().put("/faults/rules",
                    "{\"seed\": " + seed + ", \"rules\": " + RULES + "}");
            assertEquals(200, set.status(), set.text());

            List<TransactionId> transfers = new ArrayList<>();
            for (int i = 0; i < TRANSFERS; i++) {
                TransactionId id = cdm.transfer(held, JAPAN, PROJECT, 10 + i,
                        LocalDate.of(2018, 1, 3 + i) + "T09:00:00Z");
                network.settle();
                for (int step = 0; step < 8; step++) {
                    network.advance(Duration.ofMinutes(10));
                }
                transfers.add(id);
            }
            for (TransactionId id : transfers) {
                assertEquals(TransactionStatus.COMPLETED, cdm.at("CDM", id).status(), "seed " + seed + ": " + id);
                assertEquals(TransactionStatus.COMPLETED, cdm.at("JP", id).status(), "seed " + seed + ": " + id);
            }
            return network.journal().find(null, null, null, 10_000, false).stream()
                    .map(SeededFaultsIT::normalised).sorted().toList();
        }
    }

    private static String normalised(JournalEntry entry) {
        String outcome = entry.outcome() == null ? "" : entry.outcome();
        if (entry.direction() == Direction.SENT && outcome.startsWith("NO_RECEIPT")) {
            outcome = "NO_RECEIPT";
        } else if (entry.direction() == Direction.RECEIVED && outcome.contains(":")) {
            // a refusal's codes, without the reason's words
            outcome = outcome.substring(0, outcome.indexOf(':'));
        }
        return String.join(" | ", entry.node(), entry.direction().name(), String.valueOf(entry.peer()),
                entry.operation(), String.valueOf(entry.transactionId()), outcome);
    }
}
