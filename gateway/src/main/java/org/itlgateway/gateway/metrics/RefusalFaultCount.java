package org.itlgateway.gateway.metrics;

import java.time.Duration;
import org.apache.cxf.endpoint.Server;
import org.itlgateway.gateway.transport.ExchangeSteps;
import org.itlgateway.gateway.transport.SoapEndpoints;

/**
 * Counts the refusals an endpoint answers as a fault (the message checks before the inbox: signature, replay, schema,
 * sender): once the fault has its code, the code is counted in {@code itl_refusals_total} and the message in
 * {@code itl_messages_received_total} as {@code refused_message} (its operation {@code unknown} when it was refused
 * before it was read). A fault that is not a refusal (this node could not keep the message) is not counted: the
 * sender sends it again.
 */
public final class RefusalFaultCount implements ExchangeSteps {

    private final NodeMetrics metrics;

    private RefusalFaultCount(NodeMetrics metrics) {
        this.metrics = metrics;
    }

    /** Counts the refusal faults {@code endpoint} answers into {@code metrics}. */
    public static void attach(Server endpoint, NodeMetrics metrics) {
        SoapEndpoints.addSteps(endpoint, new RefusalFaultCount(metrics));
    }

    @Override
    public void refused(String operation, int code) {
        metrics.refusedAsFault(operation, code, Duration.ZERO);
    }
}
