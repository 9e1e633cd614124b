package org.itlgateway.gateway.metrics;

import java.time.Duration;
import java.util.OptionalInt;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.itlgateway.gateway.inbound.RefusalFaultDetail;
import org.itlgateway.gateway.inbound.Refusals;

/**
 * Counts the refusals an endpoint answers as a fault (the message checks before the inbox: signature, replay, schema,
 * sender): after {@link RefusalFaultDetail} has given the fault its code, the code is counted in
 * {@code itl_refusals_total} and the message in {@code itl_messages_received_total} as {@code refused_message} (its
 * operation {@code unknown} when it was refused before it was read). A fault that is not a refusal (this node could not
 * keep the message) is not counted: the sender sends it again.
 */
public final class RefusalFaultCount extends AbstractPhaseInterceptor<SoapMessage> {

    private final NodeMetrics metrics;

    private RefusalFaultCount(NodeMetrics metrics) {
        super(Phase.POST_LOGICAL);
        this.metrics = metrics;
    }

    /** Counts the refusal faults {@code endpoint} answers into {@code metrics}. */
    public static void attach(Server endpoint, NodeMetrics metrics) {
        endpoint.getEndpoint().getOutFaultInterceptors().add(new RefusalFaultCount(metrics));
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (!(message.getContent(Exception.class) instanceof SoapFault fault)) {
            return;
        }
        OptionalInt code = Refusals.codeOf(fault);
        if (code.isEmpty()) {
            return;
        }
        BindingOperationInfo operation = message.getExchange() == null ? null : message.getExchange().getBindingOperationInfo();
        metrics.refusedAsFault(operation == null ? "unknown" : operation.getName().getLocalPart(), code.getAsInt(),
                Duration.ZERO);
    }
}
