package org.itlgateway.gateway.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.itlgateway.gateway.logging.LogFormat;
import org.itlgateway.gateway.app.RegistryGatewayMain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The line per message received or sent, in the command's two formats: a sentence in plain text, and with
 * {@code --log-format json} one JSON object carrying the node, the operation, the transaction, the peer and the outcome.
 */
class MessageLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream stderr = System.err;

    @AfterEach
    void backToTheTestsLogging() throws Exception {
        System.setErr(stderr);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void aMessageReceivedIsOneJsonLineWithItsTransactionInTheJsonFormat() throws Exception {
        String written = logged(LogFormat.Format.JSON, log -> log.received("acceptProposal", "NZ1234", "ITL", "accepted",
                Duration.ofMillis(12)));
        List<String> lines = written.lines().filter(line -> line.contains("NZ1234")).toList();
        assertEquals(1, lines.size(), written);
        JsonNode line = JSON.readTree(lines.get(0));
        assertEquals("INFO", line.path("level").asText(), line.toString());
        assertEquals(MessageLog.LOGGER, line.path("loggerName").asText(), line.toString());
        Map<String, String> pairs = pairsOf(line.path("kvpList"));
        assertEquals("NZ1234", pairs.get("transaction"), line.toString());
        assertEquals("NZ", pairs.get("node"), line.toString());
        assertEquals("acceptProposal", pairs.get("operation"), line.toString());
        assertEquals("ITL", pairs.get("peer"), line.toString());
        assertEquals("accepted", pairs.get("outcome"), line.toString());
        assertTrue(line.path("formattedMessage").asText().contains("NZ received acceptProposal NZ1234 from ITL"),
                line.toString());
    }

    @Test
    void aMessageSentIsOneSentenceInTheTextFormat() throws Exception {
        String written = logged(LogFormat.Format.TEXT, log -> log.sent("acceptNotification", "NZ1234", "ITL", "refused 4010",
                2, Duration.ofMillis(40)));
        List<String> lines = written.lines().filter(line -> line.contains("NZ1234")).toList();
        assertEquals(1, lines.size(), written);
        assertTrue(lines.get(0).contains("NZ sent acceptNotification NZ1234 to ITL (attempt 2): refused 4010 (40 ms)"),
                lines.get(0));
    }

    /** What the message log writes on stderr in {@code format}, as the command configures it. */
    private static String logged(LogFormat.Format format, java.util.function.Consumer<MessageLog> writing) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LogFormat.use(format, RegistryGatewayMain.class);
        writing.accept(new MessageLog("NZ"));
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** The key-value pairs of a JSON line, whether written as one object or as a list of one-pair objects. */
    private static Map<String, String> pairsOf(JsonNode kvp) {
        Map<String, String> pairs = new HashMap<>();
        if (kvp.isArray()) {
            kvp.forEach(pair -> pair.fields().forEachRemaining(field -> pairs.put(field.getKey(), field.getValue().asText())));
        } else {
            kvp.fields().forEachRemaining(field -> pairs.put(field.getKey(), field.getValue().asText()));
        }
        return pairs;
    }
}
