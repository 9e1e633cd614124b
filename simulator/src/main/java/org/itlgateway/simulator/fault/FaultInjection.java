package org.itlgateway.simulator.fault;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.gateway.wire.MessageReceiver;

/**
 * Puts a node's faults into effect: in front of its endpoint (unavailable, timeout, slow), on its replies
 * (malformed) and in its receiver (refuse everything with a code).
 */
public final class FaultInjection {

    private final String node;
    private final FaultBoard board;
    private final Duration holdLimit;

    /**
     * @param holdLimit the longest a TIMEOUT fault holds one request (a little longer than any caller waits)
     */
    public FaultInjection(String node, FaultBoard board, Duration holdLimit) {
        this.node = node;
        this.board = board;
        this.holdLimit = holdLimit;
    }

    /** Adds the fault steps to a published endpoint. */
    public void attach(Server endpoint) {
        endpoint.getEndpoint().getInInterceptors().add(new Arrival());
        endpoint.getEndpoint().getOutInterceptors().add(new Reply());
    }

    /** Wraps the node's receiver: REFUSE_ALL answers every request with a refusal and keeps nothing. */
    public MessageReceiver around(MessageReceiver receiver) {
        return (InboundMessage message) -> {
            Optional<PeerFault> fault = board.of(node);
            if (fault.isPresent() && fault.get().kind() == FaultKind.REFUSE_ALL) {
                return Receipt.refusal(fault.get().responseCode(), node + " refuses everything (simulated fault)");
            }
            return receiver.receive(message);
        };
    }

    private final class Arrival extends AbstractPhaseInterceptor<Message> {
        Arrival() {
            super(Phase.RECEIVE);
            addBefore(org.itlgateway.gateway.inbound.MessageSizeLimit.class.getName());
        }

        @Override
        public void handleMessage(Message message) {
            Optional<PeerFault> fault = board.of(node);
            if (fault.isEmpty()) {
                return;
            }
            switch (fault.get().kind()) {
                case UNAVAILABLE -> refuse(message);
                case TIMEOUT -> {
                    long limit = fault.get().millis() > 0 ? fault.get().millis() : holdLimit.toMillis();
                    awaitRelease(limit);
                    refuse(message);
                }
                case SLOW -> awaitRelease(fault.get().millis());
                default -> {
                    // the other faults act on the reply or in the receiver
                }
            }
        }

        private void awaitRelease(long millis) {
            try {
                board.releaseOf(node).await(millis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void refuse(Message message) {
            HttpServletResponse response = (HttpServletResponse) message.get(AbstractHTTPDestination.HTTP_RESPONSE);
            try {
                response.sendError(503, node + " is unavailable (simulated fault)");
            } catch (IOException e) {
                // the caller has gone: nothing to answer
            }
            message.getInterceptorChain().abort();
        }
    }

    private final class Reply extends AbstractPhaseInterceptor<Message> {
        Reply() {
            super(Phase.PRE_STREAM);
        }

        @Override
        public void handleMessage(Message message) {
            Optional<PeerFault> fault = board.of(node);
            if (fault.isEmpty() || fault.get().kind() != FaultKind.MALFORMED_REPLY) {
                return;
            }
            OutputStream out = message.getContent(OutputStream.class);
            message.setContent(OutputStream.class, new FilterOutputStream(out) {
                private boolean written;

                @Override
                public void write(int b) {
                    // the real reply is dropped
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    // the real reply is dropped
                }

                @Override
                public void close() throws IOException {
                    if (!written) {
                        written = true;
                        out.write("<soap:Envelope><this is not XML".getBytes(StandardCharsets.UTF_8));
                    }
                    out.close();
                }
            });
        }
    }
}
