package org.itlgateway.gateway.security;

import org.itlgateway.core.result.ResponseCode;

/**
 * Why a signed message cannot be trusted, with the response code it is refused with. Thrown on the message path
 * (an endpoint's pipeline or a client reading a receipt); the endpoint turns it into a refusal fault.
 */
public final class SignatureRefusal extends SecurityException {

    private final transient ResponseCode code;

    public SignatureRefusal(ResponseCode code, String reason) {
        super(reason);
        this.code = code;
    }

    public ResponseCode code() {
        return code;
    }

    /** The reason, without the code. */
    public String reason() {
        return getMessage();
    }
}
