package org.itlgateway.simulator.demo;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The demo's outcome: a table for people and a JSON report (one entry per transaction) for programs. */
public final class DemoReport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private DemoReport() {
    }

    public static void writeJson(Path file, List<DemoEntry> entries, List<String> attestations) {
        try {
            JsonMapper.builder().addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValue(file.toFile(), Map.of("transactions", entries, "attestations", attestations));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }

    public static void printTable(PrintStream out, List<DemoEntry> entries) {
        String format = "%-4s %-11s %-10s %-40s %-16s %-16s %8s  %-16s %-9s %s%n";
        out.printf(format, "Step", "Date", "Tx", "Type", "From", "To", "Units", "Final status", "Refused", "Codes");
        out.println("-".repeat(150));
        for (DemoEntry entry : entries) {
            out.printf(format, entry.step(), DAY.format(entry.simulatedDate()), entry.transaction(),
                    shorten(entry.type(), 40), entry.from(), entry.to(), entry.quantity(), entry.finalStatus(),
                    entry.refusedBy() == null ? "-" : entry.refusedBy(),
                    entry.responseCodes().isEmpty() ? "-" : entry.responseCodes().toString());
        }
    }

    private static String shorten(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
