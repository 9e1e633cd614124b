package org.itlgateway.simulator.fault;

import java.util.Objects;
import org.itlgateway.core.CodedValue;
import org.itlgateway.core.result.ResponseCode;

/**
 * A fault set on a node.
 *
 * @param kind   what goes wrong
 * @param millis for SLOW: the delay; for TIMEOUT: how long a request is held (0: until the fault is cleared)
 * @param code   for REFUSE_ALL: the response code of the refusals
 */
public record PeerFault(FaultKind kind, long millis, int code) {

    public PeerFault {
        Objects.requireNonNull(kind, "a fault has a kind");
        if (kind == FaultKind.SLOW && millis <= 0) {
            throw new IllegalArgumentException("a SLOW fault needs millis > 0");
        }
        if (kind == FaultKind.REFUSE_ALL && CodedValue.fromCodeOrNull(ResponseCode.class, code) == null) {
            throw new IllegalArgumentException("REFUSE_ALL needs a response code of the catalogue, not " + code);
        }
    }

    public ResponseCode responseCode() {
        return ResponseCode.fromCode(code);
    }
}
