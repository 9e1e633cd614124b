package org.itlgateway.simulator.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.itlgateway.simulator.demo.DemoEntry;
import org.itlgateway.simulator.demo.DemoReport;
import org.itlgateway.simulator.demo.DemoStory;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.network.NetworkSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The story of ./itl-network --demo ends as the README says, on a network of its own. */
class DemoStoryIT {

    private static Network network;
    private static List<DemoEntry> entries;
    private static DemoStory story;

    @BeforeAll
    static void playTheStory() {
        network = Network.start(NetworkSettings.defaults());
        story = new DemoStory(network);
        entries = story.play();
    }

    @AfterAll
    static void stop() {
        network.close();
    }

    @Test
    void theIssuancesCompleteWithTheirShareOfProceeds() {
        assertOutcome("1-0 Issuance", "CDM-110-1000-0", "4 completed", null, List.of(), 0);
        DemoEntry share = entry("10-81", "CDM-100-1100-0", 0);
        assertEquals("4 completed", share.finalStatus());
        assertEquals(200, share.quantity(), "2% of 10,000");
    }

    @Test
    void theTransferToJapanCompletes() {
        assertOutcome("3-0", "JP-120-20045-0", "4 completed", null, List.of(), 0);
    }

    @Test
    void cp1UnitsToSwitzerlandInJune2015AreRefusedByTheSwissRuleAndCp2UnitsComplete() {
        assertOutcome("3-0", "CH-120-3001-0", "6 rejected", "CH", List.of(5302), 0);
        assertOutcome("3-0", "CH-120-3001-0", "4 completed", null, List.of(), 1);
    }

    @Test
    void cersToTheUkIn2021AreRefusedByTheUkRule() {
        assertOutcome("3-0", "GB-120-1001-0", "6 rejected", "GB", List.of(5301), 0);
    }

    @Test
    void hfc23CreditsToGermanyInJune2013AreRefusedByTheCitl() {
        assertOutcome("3-0", "DE-120-4001-0", "5 terminated", "CITL", List.of(7003), 0);
    }

    @Test
    void theVoluntaryCancellationCompletesWithAnAttestation() {
        assertOutcome("4-0", "CDM-230-2300-0", "4 completed", null, List.of(), 0);
        assertEquals(1, story.attestations().size());
        assertTrue(story.attestations().get(0).contains("Acme Travel GmbH"));
        assertTrue(story.attestations().get(0).contains("750 units"));
    }

    @Test
    void aTransferAfterTheTrueUpPeriodIsRefusedByTheItl() {
        assertOutcome("3-0", "JP-120-20045-0", "5 terminated", "ITL", List.of(4007), 1);
    }

    @Test
    void theReportHasOneEntryPerTransaction(@TempDir Path directory) throws Exception {
        Path report = directory.resolve("report.json");
        DemoReport.writeJson(report, entries, story.attestations());
        String json = Files.readString(report);
        for (DemoEntry entry : entries) {
            assertTrue(json.contains("\"transaction\" : \"" + entry.transaction() + "\""), entry.transaction());
        }
        assertTrue(json.contains("\"refusedBy\" : \"CITL\""));
        assertEquals(entries.size(), entries.stream().map(DemoEntry::transaction).distinct().count());
    }

    private void assertOutcome(String typePrefix, String to, String status, String refusedBy, List<Integer> codes, int nth) {
        DemoEntry entry = entry(typePrefix, to, nth);
        assertEquals(status, entry.finalStatus(), entry::toString);
        assertEquals(refusedBy, entry.refusedBy(), entry::toString);
        assertEquals(codes, entry.responseCodes(), entry::toString);
    }

    private static DemoEntry entry(String typePrefix, String to, int nth) {
        return entries.stream().filter(e -> e.type().startsWith(typePrefix) && e.to().equals(to)).skip(nth).findFirst()
                .orElseThrow(() -> new AssertionError("no " + typePrefix + " to " + to + " in " + entries));
    }
}
