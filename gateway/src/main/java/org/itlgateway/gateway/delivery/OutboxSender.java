package org.itlgateway.gateway.delivery;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.itlgateway.gateway.messaging.Service;
import org.itlgateway.gateway.security.MessageSignatures;
import org.itlgateway.gateway.transport.SoapClients;
import org.itlgateway.schemas.v1.types.DesReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: each due message is claimed with a row lock that other senders skip, sent signed, and
 * marked delivered (or refused) with its receipt, or given its next attempt time by the retry schedule. The
 * lock is held while sending, so two gateway instances on one database never send the same message at once;
 * a crash mid-send releases it and the message is sent again, which the receiver recognises by its identity.
 */
public final class OutboxSender implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private final Transactor transactor;
    private final Peers peers;
    private final MessageSignatures signatures;
    private final RetrySchedule schedule;
    private final Clock clock;
    private final Duration timeout;
    private final Map<String, Object> clients = new ConcurrentHashMap<>();
    private volatile DeliveryListener listener = DeliveryListener.NONE;

    public OutboxSender(Transactor transactor, Peers peers, MessageSignatures signatures, RetrySchedule schedule,
                        Clock clock, Duration timeout) {
        this.transactor = transactor;
        this.peers = peers;
        this.signatures = signatures;
        this.schedule = schedule;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Tells {@code listener} of every attempt from now on. */
    public void listen(DeliveryListener newListener) {
        this.listener = newListener == null ? DeliveryListener.NONE : newListener;
    }

    /** Delivers every message due now, one by one; answers how many attempts were made. */
    public int deliverDue() {
        int attempts = 0;
        while (deliverOne().isPresent()) {
            attempts++;
        }
        return attempts;
    }

    /** Delivers the next due message, if any, and says how it went. */
    public Optional<SendOutcome> deliverOne() {
        Instant now = clock.instant();
        return transactor.inTransaction(connection -> {
            Optional<Outbox.PendingDelivery> claimed = Outbox.claimDue(connection, now);
            if (claimed.isEmpty()) {
                return Optional.empty();
            }
            Outbox.PendingDelivery delivery = claimed.get();
            OutboundMessage message = delivery.message();
            try {
                DesReceipt receipt = PortCall.invoke(client(message), message.operation().wireName(), message.request());
                String codes = receipt.getResponseCodes() == null ? null : receipt.getResponseCodes().getResponseCode()
                        .stream().map(String::valueOf).collect(Collectors.joining(","));
                boolean accepted = receipt.getResultIdentifier() == 1;
                Outbox.markDelivered(connection, delivery.id(), clock.instant(), codes, accepted);
                SendOutcome outcome = accepted ? SendOutcome.DELIVERED : SendOutcome.REFUSED;
                listener.attempted(message, outcome, codes == null ? "receipt 1" : "receipt 0 " + codes,
                        org.itlgateway.gateway.transport.SentXmlCapture.takeLast());
                return Optional.of(outcome);
            } catch (PortCall.Refused refused) {
                String code = refused.refusal() == null ? null : Integer.toString(refused.refusal().getResponseCode());
                Outbox.markDelivered(connection, delivery.id(), clock.instant(), code, false);
                LOG.warn("{} {} to {} refused: {}", message.operation(), message.messageKey(), message.destination(),
                        refused.getMessage());
                listener.attempted(message, SendOutcome.REFUSED, "refusal " + code,
                        org.itlgateway.gateway.transport.SentXmlCapture.takeLast());
                return Optional.of(SendOutcome.REFUSED);
            } catch (RuntimeException unreachable) {
                Instant next = now.plus(schedule.delayAfter(delivery.attempts() + 1));
                Outbox.scheduleRetry(connection, delivery.id(), next, String.valueOf(unreachable.getMessage()));
                LOG.info("{} {} to {}: no receipt ({}); next attempt at {}", message.operation(), message.messageKey(),
                        message.destination(), unreachable.getMessage(), next);
                listener.attempted(message, SendOutcome.NO_RECEIPT, "no receipt: " + unreachable.getMessage(),
                        org.itlgateway.gateway.transport.SentXmlCapture.takeLast());
                return Optional.of(SendOutcome.NO_RECEIPT);
            }
        });
    }

    private Object client(OutboundMessage message) {
        Service service = message.operation().service();
        return clients.computeIfAbsent(message.destination() + "/" + service, key -> {
            Peer peer = peers.find(message.destination())
                    .orElseThrow(() -> new IllegalStateException("no address known for " + message.destination()));
            String address = peer.addressOf(service);
            return service == Service.REGISTRY
                    ? SoapClients.registry(address, peer.code(), signatures, timeout, peer.tls())
                    : SoapClients.transactionLog(address, peer.code(), signatures, timeout, peer.tls());
        });
    }

    /** Forgets the client of a peer (its address or certificate changed). */
    public void forget(String destination) {
        clients.keySet().removeIf(key -> key.startsWith(destination + "/"));
    }

    @Override
    public void close() {
        for (Object client : clients.values()) {
            try {
                ((Closeable) client).close();
            } catch (IOException e) {
                LOG.debug("closing a client failed", e);
            }
        }
        clients.clear();
    }
}
