package org.itlgateway.simulator.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.itlgateway.simulator.NetworkMain;

/**
 * The simulated network ({@code ./itl-network}) as a process of its own, with the registry under chaos as an
 * external registry in its profiles; read and steered through its control API.
 */
final class SimulatedNetwork {

    private final JavaProcess process;
    private final JsonHttp control;
    private final JsonNode nodes;

    private SimulatedNetwork(JavaProcess process, JsonHttp control, JsonNode nodes) {
        this.process = process;
        this.control = control;
        this.nodes = nodes;
    }

    static SimulatedNetwork start(Path pki, Path profiles, Path data, Instant start, int controlPort, Path log) {
        JavaProcess process = JavaProcess.start("1g", NetworkMain.class, List.of("--port", "0", "--control-port",
                String.valueOf(controlPort), "--pki-dir", pki.toString(), "--profiles", profiles.toString(),
                "--data-dir", data.toString(), "--start", start.toString(),
                // the run starts the one reconciliation it checks itself
                "--reconcile-every", "off"), log);
        JsonHttp control = new JsonHttp("http://127.0.0.1:" + controlPort);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (true) {
            try {
                JsonNode network = control.read("/network");
                return new SimulatedNetwork(process, control, network.path("nodes"));
            } catch (IOException e) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    process.stop();
                    throw new IllegalStateException("the simulated network did not start; see " + log);
                }
                RegistryDatabase.pause(300);
            }
        }
    }

    /** The control API's address, e.g. {@code http://127.0.0.1:8090}. */
    String controlAddress() {
        return control.address();
    }

    JsonHttp control() {
        return control;
    }

    String endpointOf(String node) {
        return nodes.path(node).path("endpoint").asText();
    }

    /** A simulated registry's operator API. */
    JsonHttp operatorOf(String node) {
        String address = nodes.path(node).path("operator").asText("");
        if (address.isEmpty()) {
            throw new IllegalStateException("the control API names no operator API for " + node + ": " + nodes);
        }
        return new JsonHttp(address);
    }

    void stop() {
        process.stop();
    }
}
