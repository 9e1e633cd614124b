package org.itlgateway.gateway.delivery;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.itlgateway.schemas.v1.types.DesMessageHeader;
import org.itlgateway.schemas.v1.types.DesReceipt;
import org.itlgateway.schemas.v1.types.DesRefusal;

/** Calls the operation of a generated client proxy that a stored request wrapper is for. */
final class PortCall {

    private PortCall() {
    }

    /** A refusal fault raised by the peer: a receipt of sorts, with its code. */
    static final class Refused extends Exception {
        private final DesRefusal refusal;

        Refused(DesRefusal refusal, String message) {
            super(message);
            this.refusal = refusal;
        }

        DesRefusal refusal() {
            return refusal;
        }
    }

    static DesReceipt invoke(Object port, String operation, Object request) throws Refused {
        DesMessageHeader header = PayloadCodec.headerOf(request);
        Object content = PayloadCodec.contentOf(request);
        for (Class<?> type : port.getClass().getInterfaces()) {
            for (Method method : type.getMethods()) {
                if (method.getName().equals(operation)) {
                    Object[] arguments = method.getParameterCount() == 1 ? new Object[] {header} : new Object[] {header, content};
                    try {
                        return (DesReceipt) method.invoke(port, arguments);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    } catch (InvocationTargetException e) {
                        Throwable cause = e.getCause();
                        if (cause instanceof org.itlgateway.schemas.v1.registry.RefusalFault fault) {
                            throw new Refused(fault.getFaultInfo(), fault.getMessage());
                        }
                        if (cause instanceof org.itlgateway.schemas.v1.transactionlog.RefusalFault fault) {
                            throw new Refused(fault.getFaultInfo(), fault.getMessage());
                        }
                        if (cause instanceof RuntimeException runtime) {
                            throw runtime;
                        }
                        throw new IllegalStateException(cause);
                    }
                }
            }
        }
        throw new IllegalArgumentException("the client has no operation " + operation);
    }
}
