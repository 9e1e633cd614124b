package org.itlgateway.simulator.fault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.cxf.endpoint.Server;
import org.itlgateway.gateway.delivery.MessageKeys;
import org.itlgateway.gateway.delivery.PayloadCodec;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.transport.ExchangeSteps;
import org.itlgateway.gateway.transport.SignedExchange;
import org.itlgateway.gateway.transport.SoapEndpoints;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.gateway.wire.MessageReceiver;

/**
 * Puts a node's faults into effect: in front of its endpoint (unavailable, timeout, slow), on its replies
 * (malformed) and in its receiver (refuse everything with a code); and the fault rules on every message the node
 * receives ({@link #underRules}), a message's sender's rules included, since every message between the network's
 * nodes arrives at one of them.
 */
public final class FaultInjection {

    private final String node;
    private final FaultBoard board;
    private final Duration holdLimit;
    private static final int GARBAGE_LENGTH = 64;

    /**
     * @param holdLimit the longest a TIMEOUT fault or a DELAY rule holds one request (a little longer than any caller
     *                  waits)
     */
    public FaultInjection(String node, FaultBoard board, Duration holdLimit) {
        this.node = node;
        this.board = board;
        this.holdLimit = holdLimit;
    }

    /** Adds the fault steps to a published endpoint. */
    public void attach(Server endpoint) {
        SoapEndpoints.addSteps(endpoint, new Steps());
    }

    /**
     * Wraps what the node does with a request (the journal, then the receiver) in the fault rules: the first rule
     * that fires on the message decides what happens to it ({@link RuleKind}). A rule about what the node RECEIVES
     * acts once the node has taken the message in (on its answer); a rule about what a node SENDS acts on the way,
     * before the destination takes it in.
     */
    public MessageReceiver underRules(MessageReceiver receiver) {
        return (InboundMessage message) -> {
            FaultRules rules = board.rules();
            if (rules.isEmpty()) {
                return receiver.receive(message);
            }
            FaultRules.Decision decision = rules.decide(message.signer(), node, message.operation().wireName(),
                    MessageKeys.keyOf(message.request(), PayloadCodec.digest(message.request())));
            Receipt receipt = decision.firing().isPresent() ? act(decision.firing().get(), message, receiver)
                    : receiver.receive(message);
            FaultRules.handIn(decision.after());
            return receipt;
        };
    }

    private Receipt act(FaultRules.Firing firing, InboundMessage message, MessageReceiver receiver) {
        FaultRule rule = firing.rule();
        boolean onTheWay = rule.direction() == FaultDirection.SENDS;
        long seed = board.rules().seed();
        switch (rule.kind()) {
            case DUPLICATE -> {
                receiver.receive(message);
                return receiver.receive(message);
            }
            case REORDER -> {
                if (message.operation().isQuery()) {
                    // a question is answered in its receipt: there is nothing to hand in later
                    return receiver.receive(message);
                }
                boolean held = board.rules().hold(new FaultRules.HeldMessage(rule.id(),
                        message.receivedAt().plus(rule.hold()), () -> receiver.receive(message)));
                // the sender hears that its message arrived; the node takes it in later
                return held ? Receipt.acceptedForProcessing() : receiver.receive(message);
            }
            case DELAY -> {
                Duration delay = rule.delay().draw(seed, firing.message().parts(rule, "delay"));
                if (onTheWay) {
                    await(board.rules().releaseOf(rule.id()), delay);
                    return receiver.receive(message);
                }
                Receipt receipt = receiver.receive(message);
                await(board.rules().releaseOf(rule.id()), delay);
                return receipt;
            }
            default -> {
                Optional<SignedExchange> exchange = SignedExchange.current();
                if (exchange.isEmpty()) {
                    // not over HTTP: nothing to break
                    return receiver.receive(message);
                }
                exchange.get().attach(ReplyBreakage.class, new ReplyBreakage(rule.kind(),
                        SeededChance.bytes(GARBAGE_LENGTH, seed, firing.message().parts(rule, "garbage"))));
                // on the way the destination never takes the message in; the receipt below is never sent
                return onTheWay ? Receipt.acceptedForProcessing() : receiver.receive(message);
            }
        }
    }

    /** Waits {@code delay} (no longer than a caller waits), or until the rule is removed. */
    private void await(CountDownLatch release, Duration delay) {
        try {
            release.await(Math.min(delay.toMillis(), holdLimit.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    /** In front of the endpoint (unavailable, timeout, slow) and on its answers (malformed, broken). */
    private final class Steps implements ExchangeSteps {

        @Override
        public boolean arrived(HttpServletResponse response) throws IOException {
            Optional<PeerFault> fault = board.of(node);
            if (fault.isEmpty()) {
                return true;
            }
            switch (fault.get().kind()) {
                case UNAVAILABLE -> {
                    return refuse(response);
                }
                case TIMEOUT -> {
                    long limit = fault.get().millis() > 0 ? fault.get().millis() : holdLimit.toMillis();
                    awaitRelease(limit);
                    return refuse(response);
                }
                case SLOW -> {
                    awaitRelease(fault.get().millis());
                    return true;
                }
                default -> {
                    // the other faults act on the reply or in the receiver
                    return true;
                }
            }
        }

        @Override
        public boolean answering(SignedExchange exchange, HttpServletRequest request, HttpServletResponse response,
                                 byte[] answer) throws IOException {
            Optional<ReplyBreakage> breakage = exchange == null ? Optional.empty() : exchange.take(ReplyBreakage.class);
            if (breakage.isPresent()) {
                try {
                    breakage.get().apply(request, response, answer);
                } catch (IOException | RuntimeException e) {
                    // the connection is gone already: broken either way
                }
                return true;
            }
            Optional<PeerFault> fault = board.of(node);
            if (fault.isPresent() && fault.get().kind() == FaultKind.MALFORMED_REPLY) {
                // the real reply is dropped
                byte[] malformed = "<soap:Envelope><this is not XML".getBytes(StandardCharsets.UTF_8);
                response.setStatus(200);
                response.setContentType("text/xml; charset=UTF-8");
                response.setContentLength(malformed.length);
                response.getOutputStream().write(malformed);
                response.getOutputStream().flush();
                return true;
            }
            return false;
        }

        private void awaitRelease(long millis) {
            try {
                board.releaseOf(node).await(millis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private boolean refuse(HttpServletResponse response) {
            try {
                response.sendError(503, node + " is unavailable (simulated fault)");
            } catch (IOException e) {
                // the caller has gone: nothing to answer
            }
            return false;
        }
    }
}
