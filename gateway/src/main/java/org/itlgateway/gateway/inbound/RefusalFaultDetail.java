package org.itlgateway.gateway.inbound;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * The last step for a refused message: gives every fault the contract's refusal detail (code and reason) and a
 * message free of internals. Stack traces never leave the node.
 */
public final class RefusalFaultDetail extends AbstractPhaseInterceptor<SoapMessage> {

    public RefusalFaultDetail() {
        super(Phase.PRE_LOGICAL);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Exception exception = message.getContent(Exception.class);
        if (!(exception instanceof Fault fault)) {
            return;
        }
        SoapFault soapFault = SoapFault.createFault(fault, message.getVersion());
        if (!Refusals.isRefusal(soapFault)) {
            RefusalClassifier.Classified classified = RefusalClassifier.classify(fault);
            Refusals.describe(soapFault, classified.code(), classified.reason());
        }
        soapFault.setStackTrace(new StackTraceElement[0]);
        message.setContent(Exception.class, soapFault);
    }
}
