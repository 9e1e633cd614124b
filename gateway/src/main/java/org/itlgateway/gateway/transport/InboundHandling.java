package org.itlgateway.gateway.transport;

import java.time.Clock;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.itlgateway.gateway.inbound.MessageSizeLimit;
import org.itlgateway.gateway.inbound.ProposalSender;
import org.itlgateway.gateway.inbound.ReceiverUnavailable;
import org.itlgateway.gateway.inbound.SenderAuthorisation;
import org.itlgateway.gateway.messaging.Envelope;
import org.itlgateway.gateway.messaging.InboundMessage;
import org.itlgateway.gateway.messaging.MessageReceiver;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.security.SignerIdentity;
import org.itlgateway.schemas.v1.types.DesMessageHeader;
import org.itlgateway.schemas.v1.types.DesProposal;

/**
 * What both endpoints do with a request once the stack has verified it: authorise the sender (the signer is the
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

    Receipt handle(Operation operation, DesMessageHeader header, Object payload) {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        String signer = SenderAuthorisation.authorise(SignerIdentity.signerOf(message), header.getFrom());
        if (operation == Operation.LOG_ACCEPT_PROPOSAL && payload instanceof DesProposal proposal) {
            ProposalSender.authorise(signer, proposal.getTransferringRegistryCode());
        }
        Envelope envelope = new Envelope(header.getFrom(), header.getTo(), header.getMajorVersion(), header.getMinorVersion());
        InboundMessage inbound = new InboundMessage(operation, envelope, payload, signer, clock.instant(),
                MessageSizeLimit.rawXmlOf(message));
        try {
            return receiver.receive(inbound);
        } catch (org.apache.cxf.binding.soap.SoapFault refusal) {
            throw refusal; // a receiver's deliberate refusal
        } catch (RuntimeException failure) {
            // nothing was kept: a fault the sender takes as no receipt (and sends again), never a refusal
            throw new ReceiverUnavailable(operation.wireName() + " from " + signer, failure);
        }
    }
}
