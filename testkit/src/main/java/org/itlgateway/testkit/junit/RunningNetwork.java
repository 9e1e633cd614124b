package org.itlgateway.testkit.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.itlgateway.simulator.control.ControlApi;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.network.NetworkSettings;

/**
 * A simulated network started for tests: every node on free ports, on an embedded PostgreSQL in a directory of its
 * own (removed when the network stops), its nodes working in the background, and its control API.
 */
final class RunningNetwork implements AutoCloseable {

    /** How often the nodes look for work: short, so that what a test starts is done soon after. */
    private static final Duration ROUNDS = Duration.ofMillis(50);
    /** How long a node waits for a receipt; generous, since a cold node's first answer on a busy machine is slow. */
    private static final Duration RECEIPT_PATIENCE = Duration.ofSeconds(30);

    /** What a test class asks for; classes asking the same share one network. */
    record Wanted(Instant start, Path profiles, long faultSeed, boolean clockRunning) {
    }

    private final Network network;
    private final ControlApi control;
    private final Path dataDirectory;
    private final ItlNetwork client;

    private RunningNetwork(Network network, ControlApi control, Path dataDirectory) {
        this.network = network;
        this.control = control;
        this.dataDirectory = dataDirectory;
        this.client = ItlNetwork.connect(control.address());
    }

    static RunningNetwork start(Wanted wanted) {
        Path data = temporaryDirectory();
        NetworkSettings settings = NetworkSettings.defaults().withPort(0).withDataDirectory(data.resolve("postgres"))
                .withProfiles(wanted.profiles()).withFaultSeed(wanted.faultSeed())
                .withClientTimeout(RECEIPT_PATIENCE);
        if (wanted.start() != null) {
            settings = settings.withStart(wanted.start());
        }
        Network network = Network.start(settings);
        try {
            ControlApi control = ControlApi.start(network, "127.0.0.1", 0);
            if (wanted.clockRunning()) {
                network.clock().run();
            }
            network.startLoops(ROUNDS);
            return new RunningNetwork(network, control, data);
        } catch (RuntimeException | Error e) {
            network.close();
            throw e;
        }
    }

    ItlNetwork client() {
        return client;
    }

    @Override
    public void close() {
        try {
            control.close();
        } finally {
            network.close();
            delete(dataDirectory);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("itl-network-test");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary directory for the network's database", e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // what is left stays in the temporary directory, which the machine cleans
        }
    }
}
