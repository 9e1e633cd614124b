package org.itlgateway.simulator.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole {@code ./itl-registry} in a process of its own: the gateway's runnable artefact
 * ({@code gateway/target/gateway-runnable.jar}, named by the system property {@value #ARTEFACT}), started with the
 * command's own options and killed the hard way, as a crash would.
 */
public final class GatewayProcess implements AutoCloseable {

    /** The system property naming the runnable jar (failsafe sets it; see the simulator's pom). */
    public static final String ARTEFACT = "itl.registry.jar";

    private final Process process;
    private final Path log;

    private GatewayProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code itl-registry} with {@code options} and waits until it serves; its log goes to {@code log}. */
    public static GatewayProcess start(List<String> options, Path log) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-jar", artefact().toString()));
        // the compiler and collector choices of the test JVM (see the root pom's argLine)
        command.addAll(1, java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("-XX:")).toList());
        command.addAll(options);
        try {
            Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("Serving.")) {
                    drain(out);
                    return new GatewayProcess(process, log);
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("itl-registry did not start: " + Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path artefact() {
        String jar = System.getProperty(ARTEFACT);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("the gateway's runnable artefact is not there (" + jar + "): the gateway "
                    + "module's package phase builds it; run the simulator's end-to-end tests with mvn verify");
        }
        return Path.of(jar);
    }

    /** Keeps reading the process's output, so that it never blocks on a full pipe. */
    private static void drain(BufferedReader out) {
        Thread reader = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // nothing to keep
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "itl-registry-output");
        reader.setDaemon(true);
        reader.start();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, nothing is closed. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing itl-registry", e);
        }
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
