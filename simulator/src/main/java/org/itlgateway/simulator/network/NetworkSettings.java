package org.itlgateway.simulator.network;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How the simulated network runs. Every setting has a default; see the table of options in docs/simulator.md.
 *
 * @param host            the interface the endpoints listen on
 * @param port            the one HTTP port of every node's endpoints (0: any free port)
 * @param dataDirectory   where the embedded PostgreSQL keeps its data ({@code null}: a temporary directory)
 * @param jdbcUrl         an operator's PostgreSQL instead of the embedded one ({@code null}: embedded)
 * @param jdbcUser        its user
 * @param jdbcPassword    its password
 * @param start           the simulated clock's start
 * @param profiles        a directory of peer profiles that add to or override the built-in ones ({@code null}: none)
 * @param clientTimeout   how long a node waits for a receipt
 * @param completionLimit a transaction not final this long after its proposal is terminated
 * @param pkiDirectory    where the network's CA is kept across runs ({@code null}: a new CA each run)
 * @param mutualTls       every endpoint https with client certificates required, every node's client with its own
 * @param faultSeed       what the fault rules' chances are drawn from: the same seed, the same faults
 * @param nodes           how every node runs: retries, limits, status recovery, timestamps
 */
public record NetworkSettings(String host, int port, Path dataDirectory, String jdbcUrl, String jdbcUser,
                              String jdbcPassword, Instant start, Path profiles, Duration clientTimeout,
                              Duration completionLimit, Path pkiDirectory, boolean mutualTls, long faultSeed,
                              NodeSettings nodes) {

    public NetworkSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(clientTimeout, "client timeout");
        Objects.requireNonNull(completionLimit, "completion limit");
        Objects.requireNonNull(nodes, "node settings");
    }

    public static NetworkSettings defaults() {
        return new NetworkSettings("127.0.0.1", 0, null, null, "postgres", "", Instant.parse("2012-01-02T09:00:00Z"),
                null, Duration.ofSeconds(5), Duration.ofHours(24), null, false, 0, NodeSettings.defaults());
    }

    public NetworkSettings withCompletionLimit(Duration limit) {
        return new NetworkSettings(host, port, dataDirectory, jdbcUrl, jdbcUser, jdbcPassword, start, profiles,
                clientTimeout, limit, pkiDirectory, mutualTls, faultSeed, nodes);
    }

    public NetworkSettings withPort(int newPort) {
        return new NetworkSettings(host, newPort, dataDirectory, jdbcUrl, jdbcUser, jdbcPassword, start, profiles,
                clientTimeout, completionLimit, pkiDirectory, mutualTls, faultSeed, nodes);
    }

    public NetworkSettings withDataDirectory(Path directory) {
        return new NetworkSettings(host, port, directory, jdbcUrl, jdbcUser, jdbcPassword, start, profiles,
                clientTimeout, completionLimit, pkiDirectory, mutualTls, faultSeed, nodes);
    }

    public NetworkSettings withDatabase(String url, String user, String password) {
        return new NetworkSettings(host, port, dataDirectory, url, user, password, start, profiles, clientTimeout,
                completionLimit, pkiDirectory, mutualTls, faultSeed, nodes);
    }

    public NetworkSettings withStart(Instant instant) {
        return new NetworkSettings(host, port, dataDirectory, jdbcUrl, jdbcUser, jdbcPassword, instant, profiles,
                clientTimeout, completionLimit, pkiDirectory, mutualTls, faultSeed, nodes);
    }

    public NetworkSettings withClientTimeout(Duration timeout) {
        return new NetworkSettings(host, port, dataDirectory, jdbcUrl, jdbcUser, jdbcPassword, start, profiles, timeout,
                completionLimit, pkiDirectory, mutualTls, faultSeed, nodes);
    }

    public NetworkSettings withPkiDirectory(Path directory) {
        return new NetworkSettings(host, port, dataDirectory, jdbcUrl, jdbcUser, jdbcPassword, start, profiles,
                clientTimeout, completionLimit, directory, mutualTls, faultSeed, nodes);
    }

    public NetworkSettings withProfiles(Path directory) {
        return new NetworkSettings(host, port, dataDirectory, jdbcUrl, jdbcUser, jdbcPassword, start, directory,
                clientTimeout, completionLimit, pkiDirectory, mutualTls, faultSeed, nodes);
    }

    public NetworkSettings withFaultSeed(long seed) {
        return new NetworkSettings(host, port, dataDirectory, jdbcUrl, jdbcUser, jdbcPassword, start, profiles,
                clientTimeout, completionLimit, pkiDirectory, mutualTls, seed, nodes);
    }

    public NetworkSettings withMutualTls(boolean on) {
        return new NetworkSettings(host, port, dataDirectory, jdbcUrl, jdbcUser, jdbcPassword, start, profiles,
                clientTimeout, completionLimit, pkiDirectory, on, faultSeed, nodes);
    }

    public NetworkSettings withNodes(NodeSettings settings) {
        return new NetworkSettings(host, port, dataDirectory, jdbcUrl, jdbcUser, jdbcPassword, start, profiles,
                clientTimeout, completionLimit, pkiDirectory, mutualTls, faultSeed, settings);
    }
}
