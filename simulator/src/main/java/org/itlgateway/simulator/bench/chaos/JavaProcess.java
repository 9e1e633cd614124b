package org.itlgateway.simulator.bench.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A main class of this project run as a separate JVM, with the bench's own java and class path, or a runnable jar;
 * its output goes to a log file. {@link #kill()} is a real SIGKILL ({@code destroyForcibly} on Linux), no shutdown hook runs.
 */
final class JavaProcess {

    private final Process process;

    private JavaProcess(Process process) {
        this.process = process;
    }

    static JavaProcess start(String heap, Class<?> main, List<String> arguments, Path log) {
        return run(heap, List.of("-cp", System.getProperty("java.class.path"), main.getName()), arguments, log,
                main.getSimpleName());
    }

    /** A runnable jar (its manifest names its main class and its libraries), as it is deployed. */
    static JavaProcess startJar(String heap, Path jar, List<String> arguments, Path log) {
        return run(heap, List.of("-jar", jar.toString()), arguments, log, jar.getFileName().toString());
    }

    private static JavaProcess run(String heap, List<String> what, List<String> arguments, Path log, String name) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-Dorg.jboss.logging.provider=slf4j");
        command.addAll(what);
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new JavaProcess(process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        waitFor(30);
    }

    /** SIGTERM (its shutdown hooks run), then SIGKILL if it has not stopped in time. */
    void stop() {
        process.destroy();
        if (!waitFor(30)) {
            kill();
        }
    }

    private boolean waitFor(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Kills a process by its pid with SIGKILL (a PostgreSQL postmaster left by a killed JVM). */
    static void killPid(long pid) {
        ProcessHandle.of(pid).ifPresent(handle -> {
            handle.destroyForcibly();
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // gone or not, the caller checks by restarting
            }
        });
    }
}
