package org.itlgateway.gateway.transport;

import java.time.Clock;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.itlgateway.gateway.inbound.ProposalSender;
import org.itlgateway.gateway.inbound.ReceiverUnavailable;
import org.itlgateway.gateway.inbound.SenderAuthorisation;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.security.SignerIdentity;
import org.itlgateway.gateway.wire.EnvelopeMapping;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.gateway.wire.MessageReceiver;
import org.itlgateway.gateway.wire.Request;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.gateway.wire.WireOperation;
import org.itlgateway.schemas.v1.types.DesMessageHeader;

/**
 * What both endpoints do with a request once it is verified (on an endpoint's direct path, {@link SignedExchange};
 * on the benchmark's plain stack, WS-Security's interceptor): authorise the sender (the signer is the
 * header's {@code from}; a registry proposes only its own transfers), hand it on. A failure of the receiver
 * itself (its database) is a {@link ReceiverUnavailable}: the sender sends the message again, it is not refused.
 */
final class InboundHandling {

    private final MessageReceiver receiver;
    private final Clock clock;

    InboundHandling(MessageReceiver receiver, Clock clock) {
        this.receiver = receiver;
        this.clock = clock;
    }

    <C> Receipt handle(WireOperation<?, C> operation, DesMessageHeader header, C content) {
        java.util.Optional<SignedExchange> direct = SignedExchange.current();
        Message message = direct.isPresent() ? null : PhaseInterceptorChain.getCurrentMessage();
        String signer = SenderAuthorisation.authorise(
                direct.isPresent() ? direct.get().signer() : SignerIdentity.signerOf(message), header.getFrom());
        Request<C> request = operation.request(EnvelopeMapping.fromWire(header), content);
        request.contentIf(Wire.LOG_ACCEPT_PROPOSAL)
                .ifPresent(proposal -> ProposalSender.authorise(signer, proposal.getTransferringRegistryCode()));
        InboundMessage inbound = new InboundMessage(request, signer, clock.instant(),
                direct.isPresent() ? direct.get().rawXml() : ReceivedBytes.of(message));
        try {
            return receiver.receive(inbound);
        } catch (org.apache.cxf.binding.soap.SoapFault refusal) {
            throw refusal; // a receiver's deliberate refusal
        } catch (RuntimeException failure) {
            // nothing was kept: a fault the sender takes as no receipt (and sends again), never a refusal
            throw new ReceiverUnavailable(request.operation().wireName() + " from " + signer, failure);
        }
    }
}
