package org.itlgateway.simulator.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.itlgateway.simulator.journal.Direction;
import org.itlgateway.simulator.journal.JournalEntry;
import org.junit.jupiter.api.Test;

/** The response codes the console shows in words for a journal entry: wherever the entry names them, once each. */
class SimulatorPagesTest {

    @Test
    void aNotificationsResultsAreItsCodes() {
        assertEquals(List.of(5301, 7003), SimulatorPages.codesOf(entry("notification CDM4 status 6 with 2 result(s):"
                + " [5301, 7003]", "receipt 1"), null));
    }

    @Test
    void whatProcessingFoundAndARefusingReceiptAreCodesToo() {
        assertEquals(List.of(5301), SimulatorPages.codesOf(entry("proposal CDM4 type 3-0 CDM -> GB, 100 units",
                "rejected (6): [5301]"), null));
        assertEquals(List.of(4010, 4011), SimulatorPages.codesOf(entry("proposal CDM5", "receipt 0 4010,4011: bad"), null));
    }

    @Test
    void theSignedXmlsCodesAreAddedOnceEach() {
        String xml = "<x:ResponseCode>5301</x:ResponseCode><x:ResponseCode>5302</x:ResponseCode>";

        assertEquals(List.of(5301, 5302), SimulatorPages.codesOf(entry("with 1 result(s): [5301]", "receipt 1"), xml));
    }

    @Test
    void numbersThatAreNotListedCodesAreNone() {
        assertEquals(List.of(), SimulatorPages.codesOf(entry("proposal CDM2013 type 1-0 CDM -> CDM, 2020 units",
                "checked (2); forwarded to GB"), null));
    }

    private static JournalEntry entry(String summary, String outcome) {
        return new JournalEntry(1, "ITL", Direction.RECEIVED, "CDM", "acceptNotification", "CDM4",
                Instant.parse("2021-01-01T00:00:01Z"), Instant.parse("2026-01-01T00:00:00Z"), summary, outcome, null);
    }
}
