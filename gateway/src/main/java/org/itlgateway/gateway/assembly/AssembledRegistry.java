package org.itlgateway.gateway.assembly;

import java.util.Optional;
import org.itlgateway.core.cdm.CdmRegistry;
import org.itlgateway.core.lifecycle.TransactionLifecycle;
import org.itlgateway.gateway.metrics.Metrics;
import org.itlgateway.gateway.metrics.NodeMetrics;
import org.itlgateway.gateway.node.NodeRuntime;
import org.itlgateway.gateway.node.RegistryNode;
import org.itlgateway.gateway.operator.OperatorApi;

/**
 * A registry node as {@link RegistryAssembly} built it: its node, its transaction lifecycle (for the CDM registry,
 * the CDM registry's), its runtime (endpoint, inbox, duties, outbox) and its operator API, not yet started.
 * Closing it stops its operator API and its runtime; the stores stay open for whoever opened them.
 */
public final class AssembledRegistry implements AutoCloseable {

    private final RegistryNode node;
    private final TransactionLifecycle lifecycle;
    private final CdmRegistry cdm;
    private final NodeRuntime runtime;
    private final OperatorApi operatorApi;
    private final NodeMetrics metrics;
    private final Metrics ownMetrics;

    AssembledRegistry(RegistryNode node, TransactionLifecycle lifecycle, CdmRegistry cdm, NodeRuntime runtime,
                      OperatorApi operatorApi, NodeMetrics metrics, Metrics ownMetrics) {
        this.node = node;
        this.lifecycle = lifecycle;
        this.cdm = cdm;
        this.runtime = runtime;
        this.operatorApi = operatorApi;
        this.metrics = metrics;
        this.ownMetrics = ownMetrics;
    }

    /** The registry's meters (its reconciliation answers are counted there too). */
    public NodeMetrics metrics() {
        return metrics;
    }

    public RegistryNode node() {
        return node;
    }

    /** The lifecycle the registry proposes and accepts with. */
    public TransactionLifecycle lifecycle() {
        return lifecycle;
    }

    /** The CDM registry, when this is the CDM registry's node. */
    public Optional<CdmRegistry> cdm() {
        return Optional.ofNullable(cdm);
    }

    /** Its rounds of work: inbox, duties, outbox. */
    public NodeRuntime runtime() {
        return runtime;
    }

    public OperatorApi operatorApi() {
        return operatorApi;
    }

    @Override
    public void close() {
        operatorApi.close();
        runtime.close();
        if (ownMetrics != null) {
            ownMetrics.close();
        }
    }
}
