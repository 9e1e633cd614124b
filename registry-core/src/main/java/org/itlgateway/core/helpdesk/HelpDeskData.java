package org.itlgateway.core.helpdesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The help desk's data files, read from the class path ({@code helpdesk/...}): lines, with # comments. */
final class HelpDeskData {

    private HelpDeskData() {
    }

    /** The lines of {@code helpdesk/<name>}, comments and blank lines included. */
    static List<String> lines(String name) {
        try (InputStream in = HelpDeskData.class.getResourceAsStream("/helpdesk/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the help desk's data file helpdesk/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of a {@code # key: value} comment line, or {@code ""}. */
    static String header(List<String> lines, String key) {
        String prefix = "# " + key + ":";
        return lines.stream().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()).trim())
                .findFirst().orElse("");
    }

    /** The lines that are neither comments nor blank, trimmed. */
    static List<String> content(List<String> lines) {
        return lines.stream().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }
}
