package org.itlgateway.gateway.inbound;

import java.sql.SQLException;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step for a message that gets no receipt. A refused message (its fault names a refusal, or the stack
 * refused it) gets the contract's refusal detail (code and reason): final, the sender does not send it again. A
 * message this node could not keep because of a failure on its own side (its database unavailable) is not
 * refused: it gets a Server fault without refusal detail, which a sender takes as no receipt and sends again
 * later. Either way the message is free of internals; stack traces never leave the node.
 */
public final class RefusalFaultDetail extends AbstractPhaseInterceptor<SoapMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(RefusalFaultDetail.class);
    /** What a sender reads when this node could not keep its message. */
    static final String UNAVAILABLE = "the receiver could not keep the message now (its store is unavailable); "
            + "nothing was kept: send it again later";

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
            if (failedOnThisSide(fault)) {
                LOG.warn("a message could not be kept (answered as unavailable, to be sent again): {}", causes(fault));
                soapFault.setMessage(UNAVAILABLE);
                soapFault.setDetail(null);
                soapFault.setFaultCode(Soap11.getInstance().getReceiver());
            } else {
                RefusalClassifier.Classified classified = RefusalClassifier.classify(fault);
                Refusals.describe(soapFault, classified.code(), classified.reason());
            }
        }
        soapFault.setStackTrace(new StackTraceElement[0]);
        message.setContent(Exception.class, soapFault);
    }

    /** Whether the fault comes from this node's own store (its database), not from the message. */
    static boolean failedOnThisSide(Throwable fault) {
        for (Throwable cause = fault; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ReceiverUnavailable || cause instanceof SQLException
                    || cause instanceof org.hibernate.HibernateException
                    || cause instanceof jakarta.persistence.PersistenceException) {
                return true;
            }
        }
        return false;
    }

    private static String causes(Throwable fault) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = fault; cause != null && text.length() < 1000; cause = cause.getCause() == cause ? null : cause.getCause()) {
            text.append(text.length() == 0 ? "" : " <- ").append(cause.getClass().getSimpleName()).append(": ")
                    .append(cause.getMessage());
        }
        return text.toString();
    }
}
