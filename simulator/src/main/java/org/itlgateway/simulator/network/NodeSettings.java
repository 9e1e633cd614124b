package org.itlgateway.simulator.network;

import java.time.Duration;
import java.util.Objects;
import org.itlgateway.gateway.app.RegistryGateway;
import org.itlgateway.gateway.delivery.RetrySchedule;
import org.itlgateway.gateway.node.StatusRecovery;
import org.itlgateway.gateway.security.TrustSettings;

/**
 * How every node of the network runs, as a deployed registry gateway runs with the same settings.
 *
 * @param retrySchedule  the waits before each new attempt of a delivery that got no receipt
 * @param limits         what an inbound message (every node) and an operator API request (the registries) may cost
 * @param statusRecovery how often the registries ask the ITL for the status of transactions open for how long
 * @param timestampLife  how old a received message's signed timestamp may be
 * @param clockSkew      how far ahead of a node's clock a received message's timestamp may be
 */
public record NodeSettings(RetrySchedule retrySchedule, RegistryGateway.Limits limits, StatusRecovery statusRecovery,
                           Duration timestampLife, Duration clockSkew) {

    public NodeSettings {
        Objects.requireNonNull(retrySchedule, "retry schedule");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(statusRecovery, "status recovery");
        Objects.requireNonNull(timestampLife, "timestamp life");
        Objects.requireNonNull(clockSkew, "clock skew");
    }

    /** The defaults of a registry gateway. */
    public static NodeSettings defaults() {
        return new NodeSettings(RetrySchedule.standard(), RegistryGateway.Limits.defaults(), StatusRecovery.standard(),
                TrustSettings.DEFAULT_TIMESTAMP_LIFE, TrustSettings.DEFAULT_CLOCK_SKEW);
    }
}
