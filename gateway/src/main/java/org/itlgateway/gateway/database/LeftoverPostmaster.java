package org.itlgateway.gateway.database;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a previous run of the embedded server may have left in its data directory, cleared before the next start.
 *
 * <p>The server is a process of its own ({@code pg_ctl} starts it), so when its owner is killed ({@code kill -9}, an
 * out-of-memory killer) the postmaster keeps running, holds the data directory and names itself in
 * {@code postmaster.pid}; the next start would then fail. After a machine crash the pid file stays behind and the
 * pid it names may since belong to any process, which PostgreSQL takes for a running server.
 *
 * <p>So, before a start: when another live process still owns the directory (it holds the embedded server's lock
 * file, {@code epg-lock}, which the operating system releases when its holder dies), the start is refused. Otherwise
 * a postmaster the pid file names that runs on this directory is stopped (SIGINT, PostgreSQL's fast shutdown,
 * then SIGKILL if it does not stop), and a pid file naming a dead process, or a process that is not this
 * directory's postmaster, is removed.
 */
final class LeftoverPostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverPostmaster.class);
    private static final String PID_FILE = "postmaster.pid";
    /** The lock file the embedded server's owner holds while it runs (zonky's name for it). */
    private static final String OWNER_LOCK = "epg-lock";
    private static final long STOP_SECONDS = 30;

    private LeftoverPostmaster() {
    }

    /**
     * Clears what a previous run left in {@code dataDirectory}, so that a server can start there.
     *
     * @throws IllegalStateException when a live process still runs a server on the directory
     */
    static void clear(Path dataDirectory) {
        refuseWhenInUse(dataDirectory);
        Path pidFile = dataDirectory.resolve(PID_FILE);
        List<String> lines = readLines(pidFile);
        if (lines == null) {
            return;
        }
        Optional<ProcessHandle> named = pidOf(lines).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (named.isEmpty()) {
            LOG.warn("{} names no running process (left by a crash): removed", pidFile);
            delete(pidFile);
        } else if (!isPostmasterOf(named.get(), dataDirectory)) {
            LOG.warn("{} names process {}, which is not a PostgreSQL server of this directory (the pid was reused "
                    + "after a crash): removed the file, left the process alone", pidFile, named.get().pid());
            delete(pidFile);
        } else {
            LOG.warn("a PostgreSQL server (pid {}) left running by a previous run still holds {}: stopping it",
                    named.get().pid(), dataDirectory);
            stop(named.get(), dataDirectory);
            if (Files.exists(pidFile) && !named.get().isAlive()) {
                delete(pidFile);
            }
            LOG.info("the left-over PostgreSQL server (pid {}) is stopped", named.get().pid());
        }
    }

    private static void refuseWhenInUse(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve(OWNER_LOCK);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileOutputStream stream = new FileOutputStream(lockFile.toFile(), true)) {
            FileLock lock = stream.getChannel().tryLock();
            if (lock == null) {
                throw inUse(dataDirectory);
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw inUse(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check whether " + dataDirectory + " is in use", e);
        }
    }

    private static IllegalStateException inUse(Path dataDirectory) {
        return new IllegalStateException("the data directory " + dataDirectory
                + " is in use by a running embedded PostgreSQL server of another process");
    }

    private static List<String> readLines(Path pidFile) {
        try {
            return Files.exists(pidFile) ? Files.readAllLines(pidFile, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pidFile, e);
        }
    }

    private static Optional<Long> pidOf(List<String> lines) {
        try {
            long pid = lines.isEmpty() ? 0 : Long.parseLong(lines.get(0).trim());
            // a negative pid is a server in single-user mode; it is a process all the same
            return pid == 0 ? Optional.empty() : Optional.of(Math.abs(pid));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * True when the process runs the {@code postgres} executable with this data directory ({@code -D}), as
     * {@code /proc/<pid>/cmdline} says.
     */
    private static boolean isPostmasterOf(ProcessHandle process, Path dataDirectory) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        List<String> arguments;
        try {
            arguments = Arrays.asList(new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            return false;
        }
        if (arguments.isEmpty() || !Path.of(arguments.get(0)).getFileName().toString().equals("postgres")) {
            return false;
        }
        int option = arguments.indexOf("-D");
        return option >= 0 && option + 1 < arguments.size() && sameDirectory(Path.of(arguments.get(option + 1)), dataDirectory);
    }

    private static boolean sameDirectory(Path one, Path other) {
        try {
            return Files.isSameFile(one, other);
        } catch (IOException e) {
            return false;
        }
    }

    private static void stop(ProcessHandle postmaster, Path dataDirectory) {
        if (!signalFastShutdown(postmaster)) {
            postmaster.destroy(); // SIGTERM: smart shutdown, done once the dead owner's sessions are gone
        }
        if (!exited(postmaster)) {
            LOG.warn("the left-over PostgreSQL server (pid {}) did not stop within {} s: killing it", postmaster.pid(),
                    STOP_SECONDS);
            List<ProcessHandle> backends = postmaster.descendants().toList();
            postmaster.destroyForcibly();
            backends.forEach(ProcessHandle::destroyForcibly);
            if (!exited(postmaster)) {
                throw new IllegalStateException("the PostgreSQL server (pid " + postmaster.pid()
                        + ") left running on " + dataDirectory + " cannot be stopped");
            }
        }
    }

    /**
     * Sends SIGINT, PostgreSQL's fast shutdown (sessions ended, a clean checkpoint), with {@code kill}: the JDK sends
     * only SIGTERM and SIGKILL, and {@code pg_ctl stop} refuses to run as root, where the embedded server runs well.
     */
    private static boolean signalFastShutdown(ProcessHandle postmaster) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor(STOP_SECONDS, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping a left-over PostgreSQL server", e);
        }
    }

    private static boolean exited(ProcessHandle process) {
        try {
            process.onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping a left-over PostgreSQL server", e);
        }
    }

    private static void delete(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + pidFile, e);
        }
    }
}
