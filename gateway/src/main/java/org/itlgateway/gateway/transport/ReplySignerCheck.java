package org.itlgateway.gateway.transport;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.WSDataRef;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.itlgateway.gateway.security.SignerIdentity;

/**
 * On a client: an answer, receipt or refusal fault alike, is trusted only when it is signed by the node that was
 * called (not merely by someone the CA trusts) and its signature also covers the SignatureConfirmation that
 * echoes our request's signature value (WS-Security checks the echoed value; this checks it was signed, so an
 * answer captured from another exchange cannot be given a fresh, unsigned echo). It runs where both a receipt
 * and a fault pass, before the stack tells them apart; whatever fails here is no answer at all, never a refusal.
 */
final class ReplySignerCheck extends AbstractPhaseInterceptor<Message> {

    private final String expectedNode;

    ReplySignerCheck(String expectedNode) {
        super(Phase.PRE_PROTOCOL);
        addAfter(WSS4JInInterceptor.class.getName());
        this.expectedNode = expectedNode;
    }

    @Override
    public void handleMessage(Message message) {
        var signer = SignerIdentity.signerOf(message);
        String code = signer == null ? "nobody" : SignerIdentity.nodeCodeOf(signer);
        if (!expectedNode.equals(code)) {
            throw new Fault(new SecurityException("the answer from " + expectedNode + " is signed by " + code));
        }
        if (!confirmationsAreSigned(message)) {
            throw new Fault(new SecurityException("the answer from " + expectedNode
                    + " does not sign the confirmation of our request's signature"));
        }
    }

    private static boolean confirmationsAreSigned(Message message) {
        Object results = message.getContextualProperty(WSHandlerConstants.RECV_RESULTS);
        return results instanceof List<?> handlerResults && confirmationsAreSigned(handlerResults);
    }

    /** Whether the answer carries signature confirmations and its signature covers each of them. */
    static boolean confirmationsAreSigned(List<?> handlerResults) {
        Set<String> signedIds = new HashSet<>();
        Set<String> confirmationIds = new HashSet<>();
        for (Object handlerResult : handlerResults) {
            if (!(handlerResult instanceof WSHandlerResult result)) {
                continue;
            }
            for (WSSecurityEngineResult signature : result.getActionResults().getOrDefault(WSConstants.SIGN, List.of())) {
                if (signature.get(WSSecurityEngineResult.TAG_DATA_REF_URIS) instanceof List<?> references) {
                    for (Object reference : references) {
                        if (reference instanceof WSDataRef dataRef && dataRef.getWsuId() != null) {
                            signedIds.add(withoutHash(dataRef.getWsuId()));
                        }
                    }
                }
            }
            for (WSSecurityEngineResult confirmation : result.getActionResults().getOrDefault(WSConstants.SC, List.of())) {
                Object id = confirmation.get(WSSecurityEngineResult.TAG_ID);
                confirmationIds.add(id == null ? "" : withoutHash(id.toString()));
            }
        }
        return !confirmationIds.isEmpty() && signedIds.containsAll(confirmationIds);
    }

    private static String withoutHash(String id) {
        return id.startsWith("#") ? id.substring(1) : id;
    }
}
