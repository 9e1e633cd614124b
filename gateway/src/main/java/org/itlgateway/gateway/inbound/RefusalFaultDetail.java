package org.itlgateway.gateway.inbound;

import java.sql.SQLException;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step for a message that gets no receipt. A refused message (its fault names a refusal, or the stack
 * refused it) gets the contract's refusal detail (code and reason): final, the sender does not send it again. A
 * message this node could not keep because of a failure on its own side (its database unavailable) is not
 * refused: it gets a Server fault without refusal detail, which a sender takes as no receipt and sends again
 * later. Either way the message is free of internals; stack traces never leave the node.
 */
public final class RefusalFaultDetail {

    private static final Logger LOG = LoggerFactory.getLogger(RefusalFaultDetail.class);
    /** What a sender reads when this node could not keep its message. */
    static final String UNAVAILABLE = "the receiver could not keep the message now (its store is unavailable); "
            + "nothing was kept: send it again later";

    private RefusalFaultDetail() {
    }

    /**
     * What a sender is told of a failure to take its message in: a refusal with its code and reason, or, when this
     * node's own store failed, a Server fault without refusal detail (send it again later); never a stack trace.
     */
    public static SoapFault describe(Throwable failure) {
        SoapFault soapFault = failure instanceof SoapFault soap ? soap
                : failure instanceof Fault fault ? SoapFault.createFault(fault, Soap11.getInstance())
                : new SoapFault(String.valueOf(failure.getMessage()), failure, Soap11.getInstance().getSender());
        return describe(soapFault, failure);
    }

    private static SoapFault describe(SoapFault soapFault, Throwable failure) {
        if (!Refusals.isRefusal(soapFault)) {
            if (failedOnThisSide(failure)) {
                LOG.warn("a message could not be kept (answered as unavailable, to be sent again): {}", causes(failure));
                soapFault.setMessage(UNAVAILABLE);
                soapFault.setDetail(null);
                soapFault.setFaultCode(Soap11.getInstance().getReceiver());
            } else {
                RefusalClassifier.Classified classified = RefusalClassifier.classify(failure);
                Refusals.describe(soapFault, classified.code(), classified.reason());
            }
        }
        soapFault.setStackTrace(new StackTraceElement[0]);
        return soapFault;
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
