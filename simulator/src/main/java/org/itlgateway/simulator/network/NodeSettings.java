package org.itlgateway.simulator.network;

import java.time.Duration;
import java.util.Objects;
import org.itlgateway.core.store.DatabaseSettings;
import org.itlgateway.gateway.app.RegistryGateway;
import org.itlgateway.gateway.delivery.OutboxSender;
import org.itlgateway.gateway.delivery.RetrySchedule;
import org.itlgateway.gateway.evidence.CheckpointDuty;
import org.itlgateway.gateway.node.NodeStores;
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
 * @param poolSize       the database connections each node keeps (many nodes share one server)
 * @param deadLetterAfter how many times a delivery may fail on the sending node's side before it is set aside
 * @param evidenceCheckpointEvery how often each registry signs its evidence archive's head (when it moved) and sends
 *                       the checkpoint to the ITL
 */
public record NodeSettings(RetrySchedule retrySchedule, RegistryGateway.Limits limits, StatusRecovery statusRecovery,
                           Duration timestampLife, Duration clockSkew, int poolSize, int deadLetterAfter,
                           Duration evidenceCheckpointEvery) {

    public NodeSettings {
        Objects.requireNonNull(retrySchedule, "retry schedule");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(statusRecovery, "status recovery");
        Objects.requireNonNull(timestampLife, "timestamp life");
        Objects.requireNonNull(clockSkew, "clock skew");
        Objects.requireNonNull(evidenceCheckpointEvery, "evidence checkpoint period");
        if (poolSize < DatabaseSettings.MIN_POOL_SIZE) {
            throw new IllegalArgumentException("a node's pool has at least " + DatabaseSettings.MIN_POOL_SIZE
                    + " connections, not " + poolSize);
        }
        if (deadLetterAfter < 1) {
            throw new IllegalArgumentException("a delivery is set aside after at least 1 failure, not " + deadLetterAfter);
        }
    }

    /** The same with a registry gateway's defaults for the pool, the dead letters and the evidence checkpoints. */
    public NodeSettings(RetrySchedule retrySchedule, RegistryGateway.Limits limits, StatusRecovery statusRecovery,
                        Duration timestampLife, Duration clockSkew) {
        this(retrySchedule, limits, statusRecovery, timestampLife, clockSkew, NodeStores.SIMULATED_NODE_POOL_SIZE,
                OutboxSender.DEFAULT_FAULT_LIMIT, CheckpointDuty.DEFAULT_EVERY);
    }

    /** The defaults of a registry gateway. */
    public static NodeSettings defaults() {
        return new NodeSettings(RetrySchedule.standard(), RegistryGateway.Limits.defaults(), StatusRecovery.standard(),
                TrustSettings.DEFAULT_TIMESTAMP_LIFE, TrustSettings.DEFAULT_CLOCK_SKEW, NodeStores.SIMULATED_NODE_POOL_SIZE,
                OutboxSender.DEFAULT_FAULT_LIMIT, CheckpointDuty.DEFAULT_EVERY);
    }
}
