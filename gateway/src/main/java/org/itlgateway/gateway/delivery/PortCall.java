package org.itlgateway.gateway.delivery;

import org.itlgateway.gateway.wire.PeerPorts;
import org.itlgateway.gateway.wire.Request;
import org.itlgateway.schemas.v1.types.DesReceipt;
import org.itlgateway.schemas.v1.types.DesRefusal;

/** Sends a stored request through the generated client of its service, by the method its wire entry names. */
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

    /** The peer's receipt; its refusal fault (of either service) is a {@link Refused}. */
    static DesReceipt call(PeerPorts ports, Request<?> request) throws Refused {
        try {
            return request.sendThrough(ports);
        } catch (org.itlgateway.schemas.v1.registry.RefusalFault fault) {
            throw new Refused(fault.getFaultInfo(), fault.getMessage());
        } catch (org.itlgateway.schemas.v1.transactionlog.RefusalFault fault) {
            throw new Refused(fault.getFaultInfo(), fault.getMessage());
        }
    }
}
