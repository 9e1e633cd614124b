package org.itlgateway.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The JVM-wide choices are our commands' own (node.ProcessSetup); embedding the gateway does not make them. */
class EmbeddingTest {

    @Test
    void buildingAndUsingTheSignaturesLeavesTheEmbeddingJvmsProvidersAndPropertiesAsTheyWere() throws Exception {
        Process application = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddingApplication.class.getName())
                .redirectErrorStream(true).start();
        String output = lastLine(application);

        assertEquals("unchanged", output);
    }

    private static String lastLine(Process process) throws IOException, InterruptedException {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return output.substring(output.lastIndexOf('\n') + 1);
    }
}
