package org.itlgateway.simulator.conformance;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.itlgateway.simulator.journal.JournalEntry;

/**
 * What a conformance run reports: a table on the terminal (number, name, outcome, time, first reason), a JUnit XML
 * report (a test suite per category, a test case per test, the failure's message its first reason) and a JSON
 * report with every message each test exchanged, signed XML included.
 */
public final class ConformanceReports {

    public static final String XML_REPORT = "conformance-report.xml";
    public static final String JSON_REPORT = "conformance-report.json";

    private static final JsonMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final int REASON_WIDTH = 100;

    private ConformanceReports() {
    }

    /** Whether every applicable test passed: the run's verdict (exit code 0). */
    public static boolean allApplicablePassed(List<TestResult> results) {
        return results.stream().allMatch(r -> r.outcome() == Outcome.PASSED || r.outcome() == Outcome.NOT_APPLICABLE)
                && results.stream().anyMatch(r -> r.outcome() == Outcome.PASSED);
    }

    /** The table: one line per test, then the counts. */
    public static void printTable(PrintStream out, String registry, List<TestResult> results) {
        out.printf("Conformance of %s%n", registry);
        out.printf("%-5s %-66s %-14s %8s  %s%n", "Test", "Name", "Outcome", "Time", "First reason");
        for (TestResult result : results) {
            out.printf("%-5d %-66s %-14s %8s  %s%n", result.test().number(), cut(result.test().name(), 66),
                    result.outcome(), seconds(result.time()), result.reason() == null ? "" : cut(result.reason(), REASON_WIDTH));
        }
        Map<Outcome, Long> counts = counts(results);
        out.printf("%d passed, %d failed, %d skipped, %d not applicable%n", counts.get(Outcome.PASSED),
                counts.get(Outcome.FAILED), counts.get(Outcome.SKIPPED), counts.get(Outcome.NOT_APPLICABLE));
    }

    /** The JUnit XML report: one test suite per category, in plan order. */
    public static void writeJunitXml(Path file, String registry, List<TestResult> results) {
        try (OutputStream stream = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(stream, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "ITL conformance of " + registry);
            writeCounts(xml, results);
            for (Category category : Category.values()) {
                List<TestResult> ofCategory = results.stream().filter(r -> r.test().category() == category).toList();
                if (ofCategory.isEmpty()) {
                    continue;
                }
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", category.first() + " " + category.title());
                writeCounts(xml, ofCategory);
                for (TestResult result : ofCategory) {
                    writeCase(xml, registry, result);
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (IOException e) {
            throw new UncheckedIOException("the report " + file + " cannot be written", e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the report " + file + " cannot be written: " + e.getMessage(), e);
        }
    }

    private static void writeCase(XMLStreamWriter xml, String registry, TestResult result) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", result.test().number() + " " + result.test().name());
        xml.writeAttribute("classname", "conformance." + registry + "." + result.test().category().name().toLowerCase(Locale.ROOT));
        xml.writeAttribute("time", seconds(result.time()));
        switch (result.outcome()) {
            case FAILED -> {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", result.reason());
                xml.writeCharacters(result.reason());
                xml.writeEndElement();
            }
            case SKIPPED, NOT_APPLICABLE -> {
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", result.outcome() + ": " + result.reason());
            }
            default -> {
                // a passed test has no child element
            }
        }
        xml.writeEndElement();
    }

    private static void writeCounts(XMLStreamWriter xml, List<TestResult> results) throws XMLStreamException {
        Map<Outcome, Long> counts = counts(results);
        xml.writeAttribute("tests", Integer.toString(results.size()));
        xml.writeAttribute("failures", Long.toString(counts.get(Outcome.FAILED)));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Long.toString(counts.get(Outcome.SKIPPED) + counts.get(Outcome.NOT_APPLICABLE)));
        xml.writeAttribute("time", seconds(results.stream().map(TestResult::time).reduce(Duration.ZERO, Duration::plus)));
    }

    /** The JSON report: per test its outcome, reason, time, and every journal entry of its messages with the signed XML. */
    public static void writeJson(Path file, String registry, List<TestResult> results) {
        ObjectNode root = JSON.createObjectNode();
        root.put("registry", registry);
        root.put("passed", allApplicablePassed(results));
        ObjectNode counts = root.putObject("counts");
        counts(results).forEach((outcome, count) -> counts.put(outcome.name(), count));
        ArrayNode tests = root.putArray("tests");
        for (TestResult result : results) {
            ObjectNode test = tests.addObject();
            test.put("number", result.test().number());
            test.put("name", result.test().name());
            test.put("category", result.test().category().title());
            test.put("purpose", result.test().purpose());
            test.put("outcome", result.outcome().name());
            if (result.reason() != null) {
                test.put("reason", result.reason());
            }
            test.put("timeSeconds", result.time().toMillis() / 1000.0);
            ArrayNode notes = test.putArray("notes");
            result.notes().forEach(notes::add);
            ArrayNode messages = test.putArray("messages");
            for (JournalEntry entry : result.messages()) {
                messages.add(JSON.valueToTree(entry));
            }
        }
        try {
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("the report " + file + " cannot be written", e);
        }
    }

    private static Map<Outcome, Long> counts(List<TestResult> results) {
        Map<Outcome, Long> counts = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, results.stream().filter(r -> r.outcome() == outcome).count());
        }
        return counts;
    }

    private static String seconds(Duration time) {
        return String.format(Locale.ROOT, "%.3f", time.toMillis() / 1000.0);
    }

    private static String cut(String text, int width) {
        String line = text.replace('\n', ' ');
        return line.length() <= width ? line : line.substring(0, width - 3) + "...";
    }
}
