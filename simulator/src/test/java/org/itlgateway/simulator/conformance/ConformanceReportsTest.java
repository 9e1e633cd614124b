package org.itlgateway.simulator.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.itlgateway.simulator.journal.Direction;
import org.itlgateway.simulator.journal.JournalEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The three reports of a run: the terminal's table, the JUnit XML and the JSON with every message. */
class ConformanceReportsTest {

    private static final Set<RegistryKind> BOTH = Set.of(RegistryKind.NATIONAL, RegistryKind.CDM);
    private static final JournalEntry PROPOSAL = new JournalEntry(7, "ITL", Direction.RECEIVED, "NO", "acceptProposal", "NO1",
            Instant.parse("2016-09-02T09:00:00Z"), Instant.parse("2026-01-05T10:00:00Z"), "proposal NO1 type 1-0",
            "receipt 1", "<soap:Envelope><wsse:Security>signed</wsse:Security></soap:Envelope>");

    @TempDir
    Path directory;

    private final List<TestResult> results = List.of(
            new TestResult(PlanRunnerTest.test(100, Category.COMMUNICATION, BOTH, c -> { }), Outcome.PASSED, null,
                    Duration.ofMillis(1500), List.of(), List.of("a replay: refused, HTTP 500")),
            new TestResult(PlanRunnerTest.test(120, Category.ISSUANCE, BOTH, c -> { }), Outcome.FAILED,
                    "the ITL finished NO1 as TERMINATED, not COMPLETED <&>", Duration.ofMillis(2250), List.of(PROPOSAL), List.of()),
            TestResult.notRun(PlanRunnerTest.test(121, Category.ISSUANCE, Set.of(RegistryKind.CDM), c -> { }),
                    Outcome.NOT_APPLICABLE, "not a test for a registry of kind NATIONAL"),
            TestResult.notRun(PlanRunnerTest.test(140, Category.INTERNAL_TRANSFER, BOTH, c -> { }), Outcome.SKIPPED,
                    "category 120 (Issuance) failed"));

    @Test
    void theJunitReportHasASuitePerCategoryAndACasePerTestWithTheFirstReasonAsFailure() throws Exception {
        Path file = directory.resolve(ConformanceReports.XML_REPORT);
        ConformanceReports.writeJunitXml(file, "NO", results);

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element root = xml.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("4", root.getAttribute("tests"));
        assertEquals("1", root.getAttribute("failures"));
        assertEquals("2", root.getAttribute("skipped"));
        NodeList suites = root.getElementsByTagName("testsuite");
        assertEquals(3, suites.getLength(), "the categories with tests, in plan order");
        assertEquals("100 Communication", ((Element) suites.item(0)).getAttribute("name"));
        Element issuance = (Element) suites.item(1);
        assertEquals("120 Issuance", issuance.getAttribute("name"));
        assertEquals("2", issuance.getAttribute("tests"));
        Element failed = (Element) issuance.getElementsByTagName("testcase").item(0);
        assertEquals("120 test 120", failed.getAttribute("name"));
        assertEquals("2.250", failed.getAttribute("time"));
        assertEquals("the ITL finished NO1 as TERMINATED, not COMPLETED <&>",
                ((Element) failed.getElementsByTagName("failure").item(0)).getAttribute("message"));
        Element notApplicable = (Element) issuance.getElementsByTagName("testcase").item(1);
        assertTrue(((Element) notApplicable.getElementsByTagName("skipped").item(0)).getAttribute("message")
                .startsWith("NOT_APPLICABLE"));
        assertEquals(0, ((Element) suites.item(0)).getElementsByTagName("failure").getLength());
    }

    @Test
    void theJsonReportHasEveryTestsOutcomeAndEveryMessageWithItsSignedXml() throws Exception {
        Path file = directory.resolve(ConformanceReports.JSON_REPORT);
        ConformanceReports.writeJson(file, "NO", results);

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals("NO", json.path("registry").asText());
        assertEquals(false, json.path("passed").asBoolean(true));
        assertEquals(1, json.path("counts").path("FAILED").asInt());
        JsonNode failed = json.path("tests").get(1);
        assertEquals(120, failed.path("number").asInt());
        assertEquals("FAILED", failed.path("outcome").asText());
        assertEquals("the ITL finished NO1 as TERMINATED, not COMPLETED <&>", failed.path("reason").asText());
        assertEquals(2.25, failed.path("timeSeconds").asDouble());
        JsonNode message = failed.path("messages").get(0);
        assertEquals("acceptProposal", message.path("operation").asText());
        assertEquals("NO1", message.path("transactionId").asText());
        assertEquals("2016-09-02T09:00:00Z", message.path("simulatedTime").asText());
        assertTrue(message.path("rawXml").asText().contains("wsse:Security"));
        assertEquals("a replay: refused, HTTP 500", json.path("tests").get(0).path("notes").get(0).asText());
        assertTrue(json.path("tests").get(0).path("reason").isMissingNode());
    }

    @Test
    void theTableHasALinePerTestAndTheCounts() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ConformanceReports.printTable(new PrintStream(printed, true, StandardCharsets.UTF_8), "NO", results);

        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(7, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(3).startsWith("120   test 120"), lines.get(3));
        assertTrue(lines.get(3).contains("FAILED") && lines.get(3).contains("2.250")
                && lines.get(3).endsWith("the ITL finished NO1 as TERMINATED, not COMPLETED <&>"), lines.get(3));
        assertEquals("1 passed, 1 failed, 1 skipped, 1 not applicable", lines.get(6));
    }
}
