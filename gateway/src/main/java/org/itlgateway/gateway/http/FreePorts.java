package org.itlgateway.gateway.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for endpoints that are chosen now and bound later, often by another process (the simulated network's nodes,
 * a registry gateway started as its own command, the chaos runner's instances).
 *
 * <p>A port the kernel hands out for {@code bind(0)} comes from its ephemeral range, the same range it takes the
 * local ports of outgoing connections from; between choosing such a port and binding it, any connection the machine
 * opens (to PostgreSQL, to a peer) may take it, and the endpoint then fails to start. The ports given here lie below
 * the ephemeral range, where outgoing connections never land, are free when handed out, and are never handed out
 * twice by one process.
 *
 * <p>Processes that choose ports at the same time (test JVMs run side by side) each take their own slice of that
 * range when the system property {@value #SLICE} says which, e.g. {@code 2/2} for the second of two: two processes
 * can then never hand out the same port, even before either has bound it.
 */
public final class FreePorts {

    /** Below this are the well-known and registered services a machine may run (PostgreSQL's 5432 among them). */
    static final int LOWEST = 10_000;
    /** Linux's default start of the ephemeral range; macOS and Windows start theirs at 49152. */
    static final int LINUX_EPHEMERAL_START = 32_768;
    private static final Path LINUX_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int ATTEMPTS = 500;
    /** The system property naming this process's slice of the range: {@code k/n}, the k-th of n (1-based). */
    public static final String SLICE = "itl.free-ports.slice";

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** A port free on every local address, outside the ephemeral range, not handed out before by this process. */
    public static int next() {
        int end = ephemeralStart();
        boolean kernelChooses = end - LOWEST < 1_000; // an ephemeral range covering nearly everything leaves no room
        int[] slice = slice(LOWEST, end, System.getProperty(SLICE));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = kernelChooses ? bound(0) : ThreadLocalRandom.current().nextInt(slice[0], slice[1]);
            if (HANDED_OUT.add(port) && (kernelChooses || isFree(port))) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + end + " after " + ATTEMPTS + " attempts");
    }

    /** The part {@code [from, to)} of {@code [lowest, end)} that {@code spec} ({@code k/n}) names; all of it without one. */
    static int[] slice(int lowest, int end, String spec) {
        if (spec == null || spec.isBlank()) {
            return new int[] {lowest, end};
        }
        String[] parts = spec.trim().split("/");
        int k;
        int n;
        try {
            k = Integer.parseInt(parts[0].trim());
            n = Integer.parseInt(parts[1].trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(SLICE + " is k/n, e.g. 1/2, not " + spec, e);
        }
        if (parts.length != 2 || n < 1 || k < 1 || k > n) {
            throw new IllegalArgumentException(SLICE + " is k/n with 1 <= k <= n, not " + spec);
        }
        int width = (end - lowest) / n;
        return new int[] {lowest + (k - 1) * width, lowest + k * width};
    }

    /** The first port of the kernel's ephemeral range, read where the system says it. */
    static int ephemeralStart() {
        try {
            if (Files.isReadable(LINUX_RANGE)) {
                // line by line: a single read of this procfs file may return its first byte only
                List<String> fields = List.of(String.join(" ", Files.readAllLines(LINUX_RANGE)).trim().split("\\s+"));
                return Integer.parseInt(fields.get(0));
            }
        } catch (IOException | RuntimeException e) {
            return LINUX_EPHEMERAL_START;
        }
        return System.getProperty("os.name", "").toLowerCase().contains("linux") ? LINUX_EPHEMERAL_START : 49_152;
    }

    static boolean isFree(int port) {
        try {
            bound(port);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static int bound(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as the servers that will bind it: a closed connection's TIME_WAIT does not count
            socket.bind(new InetSocketAddress(port));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " is taken", e);
        }
    }
}
