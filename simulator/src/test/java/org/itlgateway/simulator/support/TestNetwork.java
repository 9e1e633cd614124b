package org.itlgateway.simulator.support;

import java.time.Duration;
import org.itlgateway.simulator.network.Network;

/**
 * One simulated network per test JVM (starting one takes seconds): real nodes, real HTTP, real signatures, the
 * embedded PostgreSQL. Tests set the clock for what they do and use their own units, so they do not depend on
 * each other; faults are cleared before each test. A short client timeout keeps TIMEOUT faults quick.
 */
public final class TestNetwork {

    private static Network network;

    private TestNetwork() {
    }

    public static synchronized Network get() {
        if (network == null) {
            network = Network.start(NetworkDatabases.settings().withClientTimeout(Duration.ofMillis(1500)));
            Runtime.getRuntime().addShutdownHook(new Thread(network::close));
        }
        network.faults().clearAll();
        return network;
    }
}
