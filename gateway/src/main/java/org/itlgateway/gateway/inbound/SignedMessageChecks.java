package org.itlgateway.gateway.inbound;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.gateway.security.SignerIdentity;
import org.itlgateway.gateway.security.VerifiedSignature;

/**
 * The inbound step right after WS-Security has verified a request: the envelope must be one Header and one Body
 * ({@link EnvelopeShape}), the security header must name one signer beyond doubt ({@link VerifiedSignature}),
 * and the message must not have been received before ({@link ReplayGuard}). A refusal here is a signed fault
 * with its code; nothing is kept.
 */
public final class SignedMessageChecks extends AbstractPhaseInterceptor<SoapMessage> {

    private final ReplayGuard replays;

    public SignedMessageChecks(ReplayGuard replays) {
        super(Phase.PRE_PROTOCOL);
        addAfter(WSS4JInInterceptor.class.getName());
        addAfter(org.itlgateway.gateway.security.MessageSignatures.VERIFICATION);
        this.replays = replays;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (message.get(MessageSizeLimit.RAW_XML) instanceof byte[] received) {
            EnvelopeShape.check(received);
        }
        VerifiedSignature signature = SignerIdentity.signatureOf(message);
        if (signature == null) {
            throw Refusals.fault(ResponseCode.SIGNATURE_MISSING, "the message is not signed");
        }
        replays.admit(signature);
    }
}
