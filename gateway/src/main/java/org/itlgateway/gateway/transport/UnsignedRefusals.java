package org.itlgateway.gateway.transport;

import org.apache.cxf.interceptor.Interceptor;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.itlgateway.gateway.security.SignerIdentity;

/**
 * On an endpoint: only a request that authenticated (its signature verified and covers the Body and Timestamp
 * processed) gets a signed answer. The refusal of a message that never authenticated (unsigned, badly signed,
 * untrusted or revoked certificate, stale timestamp, too large, hostile XML) goes out unsigned: an anonymous
 * sender cannot make the node spend a signature, and the refusal is no answer a client may trust anyway.
 */
final class UnsignedRefusals extends AbstractPhaseInterceptor<Message> {

    private static final String AUTHENTICATED = "itlgateway.requestAuthenticated";

    private final Interceptor<?> signing;

    /** @param signing the out-fault chain's signing step, left out for a request that never authenticated */
    UnsignedRefusals(Interceptor<?> signing) {
        super(Phase.PRE_LOGICAL);
        this.signing = signing;
    }

    @Override
    public void handleMessage(Message fault) {
        Exchange exchange = fault.getExchange();
        if (exchange == null || !Boolean.TRUE.equals(exchange.get(AUTHENTICATED))) {
            fault.getInterceptorChain().remove(signing);
        }
    }

    /** The inbound step that records, once the signature and its coverage are checked, that the request authenticated. */
    static AbstractPhaseInterceptor<Message> authenticatedMark() {
        return new AuthenticatedMark();
    }

    private static final class AuthenticatedMark extends AbstractPhaseInterceptor<Message> {
        AuthenticatedMark() {
            super(Phase.PRE_PROTOCOL);
            addAfter(WSS4JInInterceptor.class.getName());
            addAfter(org.itlgateway.gateway.security.MessageSignatures.VERIFICATION);
            // a message whose signer is in doubt, or a replay, is refused unsigned too
            addAfter(org.itlgateway.gateway.inbound.SignedMessageChecks.class.getName());
        }

        @Override
        public void handleMessage(Message message) {
            if (SignerIdentity.signerOf(message) != null) {
                message.getExchange().put(AUTHENTICATED, Boolean.TRUE);
            }
        }
    }
}
