package org.itlgateway.simulator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a scenario's server time goes: a JDK Flight Recorder recording of the method samples taken while it runs,
 * summarised over the threads that answer HTTP requests (the endpoint's), each sample put in the first kind of work
 * its stack shows from the top (the innermost code that is ours or a library's we can name).
 */
final class ProfileSummary {

    /** Kinds of work, each recognised by a part of a frame's class name; the first that matches from the top wins. */
    private static final List<Map.Entry<String, List<String>>> KINDS = List.of(
            Map.entry("signature arithmetic (ECDSA, RSA)", List.of("org.bouncycastle.math", "org.bouncycastle.crypto.signers",
                    "sun.security.rsa", "sun.security.ec", "java.math.BigInteger", "sun.security.util.math")),
            Map.entry("digests (SHA-256)", List.of("sun.security.provider.SHA", "sun.security.provider.DigestBase",
                    "org.bouncycastle.crypto.digests")),
            Map.entry("canonicalisation", List.of("org.apache.xml.security.c14n")),
            Map.entry("schema validation", List.of("xerces.internal.impl.xs", "xerces.internal.impl.dv",
                    "xerces.internal.jaxp.validation")),
            Map.entry("DOM building (and SAAJ, on the stack's path)", List.of("com.sun.xml.messaging.saaj", "org.apache.cxf.binding.soap.saaj",
                    "xerces.internal.dom", "org.apache.cxf.staxutils.W3CDOM")),
            Map.entry("XML parsing and writing (StAX)", List.of("com.ctc.wstx", "org.codehaus.stax2", "xerces.internal.impl",
                    "org.apache.cxf.staxutils")),
            Map.entry("JAXB (un)marshalling", List.of("org.glassfish.jaxb", "com.sun.istack")),
            Map.entry("WS-Security and XML signature processing", List.of("org.apache.wss4j", "org.apache.xml.security",
                    "org.apache.jcp.xml.dsig", "org.apache.cxf.ws.security")),
            Map.entry("database (JDBC, pool)", List.of("org.postgresql", "com.zaxxer.hikari")),
            Map.entry("inbox, evidence and checks (this project)", List.of("org.itlgateway")),
            Map.entry("HTTP (Jetty)", List.of("org.eclipse.jetty")),
            Map.entry("CXF (its chain on the stack's path, its HTTP transport)", List.of("org.apache.cxf")),
            Map.entry("logging", List.of("ch.qos.logback", "org.slf4j")));
    private static final String OTHER = "other (JDK collections, strings, class loading, ...)";

    private ProfileSummary() {
    }

    /** Runs {@code scenario} under a recording and answers its result and a Markdown table of the endpoint's samples. */
    static <T> Profiled<T> of(Callable<T> scenario) throws Exception {
        Path file = Files.createTempFile("gateway-profile", ".jfr");
        T result;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
            recording.start();
            result = scenario.call();
            recording.stop();
            recording.dump(file);
        }
        String keep = System.getenv("BENCH_JFR");
        if (keep != null && !keep.isBlank()) {
            // the whole recording, for a closer look with the JDK's jfr tool
            Files.copy(file, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            return new Profiled<>(result, summarise(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    record Profiled<T>(T result, String table) {
    }

    private static String summarise(Path file) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        KINDS.forEach(kind -> counts.put(kind.getKey(), 0));
        counts.put(OTHER, 0);
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName()) || event.getThread("sampledThread") == null
                    || event.getStackTrace() == null) {
                continue;
            }
            String thread = event.getThread("sampledThread").getJavaName();
            if (thread == null || !thread.startsWith("qtp")) {
                continue;
            }
            total++;
            counts.merge(kindOf(event.getStackTrace().getFrames()), 1, Integer::sum);
        }
        StringBuilder table = new StringBuilder("| Server time in | Samples | Share |\n|---|---:|---:|\n");
        for (Map.Entry<String, Integer> count : counts.entrySet()) {
            table.append(String.format(Locale.ROOT, "| %s | %d | %.1f%% |%n", count.getKey(), count.getValue(),
                    total == 0 ? 0 : 100.0 * count.getValue() / total));
        }
        return table.append(String.format(Locale.ROOT, "| all (the endpoint's threads) | %d | 100%% |%n", total)).toString();
    }

    private static String kindOf(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            if (frame.getMethod() == null || frame.getMethod().getType() == null) {
                continue;
            }
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, List<String>> kind : KINDS) {
                for (String part : kind.getValue()) {
                    if (type.contains(part)) {
                        return kind.getKey();
                    }
                }
            }
        }
        return OTHER;
    }
}
