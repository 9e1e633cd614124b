package org.itlgateway.gateway.transport;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.itlgateway.gateway.security.SignerIdentity;

/** On a client: the receipt must be signed by the node that was called, not merely by someone the CA trusts. */
final class ReplySignerCheck extends AbstractPhaseInterceptor<Message> {

    private final String expectedNode;

    ReplySignerCheck(String expectedNode) {
        super(Phase.PRE_INVOKE);
        this.expectedNode = expectedNode;
    }

    @Override
    public void handleMessage(Message message) {
        var signer = SignerIdentity.signerOf(message);
        String code = signer == null ? "nobody" : SignerIdentity.nodeCodeOf(signer);
        if (!expectedNode.equals(code)) {
            throw new Fault(new SecurityException("the receipt from " + expectedNode + " is signed by " + code));
        }
    }
}
