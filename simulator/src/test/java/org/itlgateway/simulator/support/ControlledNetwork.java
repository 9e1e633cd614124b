package org.itlgateway.simulator.support;

import java.time.Duration;
import org.itlgateway.simulator.control.ControlApi;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.network.NetworkSettings;

/** A simulated network of its own with its control API, and a client of that API: what a tester steers. */
public final class ControlledNetwork implements AutoCloseable {

    private final Network network;
    private final ControlApi control;
    private final OperatorClient api;

    private ControlledNetwork(Network network, ControlApi control) {
        this.network = network;
        this.control = control;
        this.api = new OperatorClient(control.address());
    }

    /** Starts both; a generous client timeout, since on a busy machine a cold node's first answer may take seconds. */
    public static ControlledNetwork start() {
        return start(NetworkDatabases.settings());
    }

    /** The same on these settings (a PKI directory, a tester's profiles ...). */
    public static ControlledNetwork start(NetworkSettings settings) {
        Network network = Network.start(settings.withClientTimeout(Duration.ofSeconds(60)));
        try {
            return new ControlledNetwork(network, ControlApi.start(network, "127.0.0.1", 0));
        } catch (RuntimeException | Error e) {
            network.close();
            throw e;
        }
    }

    public Network network() {
        return network;
    }

    /** Where the control API listens, e.g. {@code http://127.0.0.1:8090}. */
    public String controlAddress() {
        return control.address();
    }

    /** A client of the control API. */
    public OperatorClient api() {
        return api;
    }

    @Override
    public void close() {
        control.close();
        network.close();
    }
}
