package org.itlgateway.gateway.delivery;

import jakarta.xml.ws.WebServiceException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.itlgateway.gateway.evidence.EvidenceArchive;
import org.itlgateway.gateway.evidence.EvidenceKind;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.messaging.Service;
import org.itlgateway.gateway.security.MessageSignatures;
import org.itlgateway.gateway.transport.SentXmlCapture;
import org.itlgateway.gateway.transport.DirectClients;
import org.itlgateway.gateway.wire.PeerPorts;
import org.itlgateway.schemas.v1.registry.RegistryPortType;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
import org.itlgateway.schemas.v1.types.DesReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox. Each due message is leased to this sender in a short transaction, sent signed with no
 * transaction or connection held, and its outcome recorded in another short transaction:
 * <ul>
 * <li>a receipt (accepted or refused, or a refusal fault) is final, and the peer's other messages waiting on a
 * retry delay become due at once;</li>
 * <li>no receipt (a transport failure, a timeout, an unreadable answer) is tried again on the retry schedule; a
 * refused connection (the peer's gateway restarting) at the schedule's first step, however often it failed;</li>
 * <li>a failure on this side (a bug) is logged with its stack trace and tried again, and after
 * {@code faultLimit} of them the message is a dead letter; a stored request that no longer reads is one at
 * once.</li>
 * </ul>
 * Each destination has a lane of its own: one slow or down peer delays only the messages to it. A crash mid-send
 * leaves a lease that runs out (or is released at the restart) and the message is sent again, which the receiver
 * recognises by its identity.
 */
public final class OutboxSender implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    /** How many failures on this side a message gets before it is set aside as a dead letter. */
    public static final int DEFAULT_FAULT_LIMIT = 3;

    private final Transactor transactor;
    private final Peers peers;
    private final MessageSignatures signatures;
    private final RetrySchedule schedule;
    private final Clock clock;
    private final Duration timeout;
    private final Duration lease;
    private final int faultLimit;
    private final String claimer = "sender-" + UUID.randomUUID();
    private final Map<String, RegistryPortType> registryClients = new ConcurrentHashMap<>();
    private final Map<String, TransactionLogPortType> logClients = new ConcurrentHashMap<>();
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final ExecutorService lanes;
    private volatile DeliveryListener listener = DeliveryListener.NONE;
    private volatile RefusalHandler refusals = RefusalHandler.NONE;
    private volatile DeliveryObserver observer = DeliveryObserver.NONE;

    public OutboxSender(Transactor transactor, Peers peers, MessageSignatures signatures, RetrySchedule schedule,
                        Clock clock, Duration timeout) {
        this(transactor, peers, signatures, schedule, clock, timeout, DEFAULT_FAULT_LIMIT);
    }

    public OutboxSender(Transactor transactor, Peers peers, MessageSignatures signatures, RetrySchedule schedule,
                        Clock clock, Duration timeout, int faultLimit) {
        if (faultLimit < 1) {
            throw new IllegalArgumentException("the fault limit is at least 1, not " + faultLimit);
        }
        this.transactor = transactor;
        this.peers = peers;
        this.signatures = signatures;
        this.schedule = schedule;
        this.clock = clock;
        this.timeout = timeout;
        // Long enough for a send that takes the whole client timeout, so a live send is never taken over.
        this.lease = timeout.multipliedBy(2).plusMinutes(1);
        this.faultLimit = faultLimit;
        AtomicInteger count = new AtomicInteger();
        this.lanes = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "outbox-lane-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code handler} for every refusal from now on, in the transaction that records it. */
    public void onRefusal(RefusalHandler handler) {
        this.refusals = handler == null ? RefusalHandler.NONE : handler;
    }

    /** Tells {@code listener} of every attempt from now on. */
    public void listen(DeliveryListener newListener) {
        this.listener = newListener == null ? DeliveryListener.NONE : newListener;
    }

    /** Tells {@code newObserver} of every attempt from now on, with its codes and round trip (besides the listener). */
    public void observe(DeliveryObserver newObserver) {
        this.observer = newObserver == null ? DeliveryObserver.NONE : newObserver;
    }

    /**
     * At a (re)start: messages whose lease or retry delay was taken before it are due at once, so a restarted
     * gateway does not wait on a schedule meant for a peer that was down. Answers how many.
     */
    public int resumeAfterRestart() {
        int resumed = transactor.inTransaction(connection -> Outbox.resumeAfterRestart(connection, clock.instant()));
        if (resumed > 0) {
            LOG.info("{} pending deliveries are due at once after the restart", resumed);
        }
        return resumed;
    }

    /**
     * Delivers every message due now, a lane per destination side by side, and waits for them; answers how many
     * attempts were made. A destination this sender is already sending to is left to the lane doing it.
     */
    public int deliverDue() {
        List<Future<Integer>> started = startLanes();
        int attempts = 0;
        RuntimeException failure = null;
        for (Future<Integer> lane : started) {
            try {
                attempts += lane.get();
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while delivering", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return attempts;
    }

    /**
     * Starts a lane for every destination with a message due and no lane running, without waiting for them (for a
     * node running in the background); answers how many lanes it started.
     */
    public int dispatchDue() {
        return startLanes().size();
    }

    private List<Future<Integer>> startLanes() {
        List<String> destinations = transactor.inTransaction(connection -> Outbox.dueDestinations(connection, clock.instant()));
        List<Future<Integer>> started = new ArrayList<>();
        for (String destination : destinations) {
            if (busy.add(destination)) {
                try {
                    started.add(lanes.submit(() -> lane(destination)));
                } catch (RuntimeException rejected) {
                    busy.remove(destination);
                    throw rejected;
                }
            }
        }
        return started;
    }

    /** Sends the due messages to one destination in order; stops at the first without a receipt (the peer is down). */
    private int lane(String destination) {
        try {
            int attempts = 0;
            while (true) {
                Optional<Outbox.Claimed> claimed = claim(destination);
                if (claimed.isEmpty()) {
                    return attempts;
                }
                attempts++;
                if (deliver(claimed.get()) == SendOutcome.NO_RECEIPT) {
                    return attempts;
                }
            }
        } catch (RuntimeException | Error e) {
            LOG.error("delivering to {} failed", destination, e);
            throw e;
        } finally {
            busy.remove(destination);
        }
    }

    /** Delivers the next due message to any destination, if there is one, and says how it went. */
    public Optional<SendOutcome> deliverOne() {
        return claim(null).map(this::deliver);
    }

    /**
     * Leases the next due message. The lease commits without waiting for its own flush to disk: a lease lost to a
     * crash of the database leaves the message due, and a message sent twice is recognised by its receiver; what
     * the send leads to (the receipt's record) commits durably, and the server's log is flushed in order.
     */
    private Optional<Outbox.Claimed> claim(String destination) {
        Instant now = clock.instant();
        return transactor.inTransaction(connection -> {
            try (java.sql.Statement noFlushOfItsOwn = connection.createStatement()) {
                noFlushOfItsOwn.execute("set local synchronous_commit to off");
            }
            return Outbox.claimDue(connection, destination, now, now.plus(lease), claimer);
        });
    }

    /** Sends one leased message; no transaction is open while it is on the wire. */
    private SendOutcome deliver(Outbox.Claimed claimed) {
        OutboundMessage message;
        try {
            message = new OutboundMessage(claimed.destination(), claimed.messageKey(),
                    PayloadCodec.unmarshal(Operation.valueOf(claimed.operation()), claimed.payloadXml()));
        } catch (RuntimeException unreadable) {
            LOG.error("outbox message {} ({} {} to {}) no longer reads; it is kept as a dead letter", claimed.id(),
                    claimed.operation(), claimed.messageKey(), claimed.destination(), unreadable);
            String reason = "the stored request does not read: " + Failures.reason(unreadable);
            String trace = Failures.trace(unreadable);
            transactor.inTransaction(connection -> {
                Outbox.markDead(connection, claimed.id(), clock.instant(), reason, trace);
                return null;
            });
            return SendOutcome.DEAD_LETTERED;
        }
        long started = System.nanoTime();
        DesReceipt receipt;
        try {
            receipt = PortCall.call(portsOf(message.destination()), message.request());
        } catch (PortCall.Refused refused) {
            Duration roundTrip = Duration.ofNanos(System.nanoTime() - started);
            List<Integer> refusalCodes = refused.refusal() == null ? List.of() : List.of(refused.refusal().getResponseCode());
            String code = refusalCodes.isEmpty() ? null : Integer.toString(refusalCodes.get(0));
            byte[] sent = SentXmlCapture.takeLast();
            recordReceipt(claimed, message, code, refusalCodes, false, sent);
            LOG.warn("{} {} to {} refused: {}", message.operation(), message.messageKey(), message.destination(),
                    refused.getMessage());
            listener.attempted(message, SendOutcome.REFUSED, "refusal " + code, sent);
            observer.attempted(message, claimed.attempts() + 1, SendOutcome.REFUSED, refusalCodes, roundTrip);
            return SendOutcome.REFUSED;
        } catch (WebServiceException | UncheckedIOException noReceipt) {
            Duration roundTrip = Duration.ofNanos(System.nanoTime() - started);
            byte[] sent = SentXmlCapture.takeLast();
            // A refused connection is a peer restarting (its host is up, its endpoint not yet): tried again at the
            // schedule's first step, not on the growing waits meant for a peer that is down or does not answer.
            Instant next = clock.instant().plus(Failures.connectionRefused(noReceipt) ? schedule.delayAfter(1)
                    : schedule.delayAfter(claimed.attempts() + 1));
            // What broke, cause by cause: the top message alone says "Could not send Message." for a reset, an
            // empty reply and a garbled status line alike.
            String reason = Failures.reason(noReceipt);
            transactor.inTransaction(connection -> {
                Outbox.scheduleRetry(connection, claimed.id(), next, reason);
                return null;
            });
            LOG.info("{} {} to {}: no receipt ({}); next attempt at {}", message.operation(), message.messageKey(),
                    message.destination(), noReceipt.getMessage(), next);
            listener.attempted(message, SendOutcome.NO_RECEIPT, "no receipt: " + noReceipt.getMessage(), sent);
            observer.attempted(message, claimed.attempts() + 1, SendOutcome.NO_RECEIPT, List.of(), roundTrip);
            return SendOutcome.NO_RECEIPT;
        } catch (RuntimeException fault) {
            Duration roundTrip = Duration.ofNanos(System.nanoTime() - started);
            byte[] sent = SentXmlCapture.takeLast();
            Instant next = clock.instant().plus(schedule.delayAfter(claimed.faults() + 1));
            String reason = Failures.reason(fault);
            String trace = Failures.trace(fault);
            boolean dead = transactor.inTransaction(connection -> Outbox.recordFault(connection, claimed.id(),
                    clock.instant(), next, reason, trace, faultLimit));
            LOG.error("{} {} to {} failed on this side (fault {} of {}){}", message.operation(), message.messageKey(),
                    message.destination(), claimed.faults() + 1, faultLimit,
                    dead ? "; it is kept as a dead letter" : "; next attempt at " + next, fault);
            SendOutcome outcome = dead ? SendOutcome.DEAD_LETTERED : SendOutcome.FAULT;
            listener.attempted(message, outcome, "failed here: " + reason, sent);
            observer.attempted(message, claimed.attempts() + 1, outcome, List.of(), roundTrip);
            return outcome;
        }
        Duration roundTrip = Duration.ofNanos(System.nanoTime() - started);
        // A receipt: recorded outside the send's failure handling, so a failure to record it is never taken for the
        // peer's (the lease then runs out and the message is sent again, which the peer recognises).
        List<Integer> receiptCodes = receipt.getResponseCodes() == null ? List.of()
                : List.copyOf(receipt.getResponseCodes().getResponseCode());
        String codes = receiptCodes.isEmpty() ? null
                : receiptCodes.stream().map(String::valueOf).collect(Collectors.joining(","));
        boolean accepted = receipt.getResultIdentifier() == 1;
        byte[] sent = SentXmlCapture.takeLast();
        recordReceipt(claimed, message, codes, receiptCodes, accepted, sent);
        SendOutcome outcome = accepted ? SendOutcome.DELIVERED : SendOutcome.REFUSED;
        listener.attempted(message, outcome, codes == null ? "receipt 1" : "receipt 0 " + codes, sent);
        observer.attempted(message, claimed.attempts() + 1, outcome, accepted ? List.of() : receiptCodes, roundTrip);
        return outcome;
    }

    private void recordReceipt(Outbox.Claimed claimed, OutboundMessage message, String codes, List<Integer> codeList,
                               boolean accepted, byte[] sent) {
        transactor.inTransaction(connection -> {
            Instant at = clock.instant();
            Outbox.recordReceipt(connection, claimed.id(), claimed.destination(), at, codes, accepted);
            // Evidence of what left, signature included, committed with the delivery record or not at all.
            EvidenceArchive.append(connection, EvidenceKind.MESSAGE_SENT, at, claimed.operation(),
                    claimed.messageKey(), claimed.destination(), sent);
            if (!accepted) {
                refusals.refused(connection, message, codeList);
            }
            return null;
        });
    }

    /** The clients of a destination, each made when a request first goes through it and kept until forgotten. */
    private PeerPorts portsOf(String destination) {
        return new PeerPorts() {
            @Override
            public RegistryPortType registry() {
                return registryClients.computeIfAbsent(destination, code -> {
                    Peer peer = peer(code);
                    return DirectClients.registry(peer.addressOf(Service.REGISTRY), peer.code(), signatures, timeout,
                            peer.tls());
                });
            }

            @Override
            public TransactionLogPortType transactionLog() {
                return logClients.computeIfAbsent(destination, code -> {
                    Peer peer = peer(code);
                    return DirectClients.transactionLog(peer.addressOf(Service.TRANSACTION_LOG), peer.code(), signatures,
                            timeout, peer.tls());
                });
            }
        };
    }

    private Peer peer(String destination) {
        return peers.find(destination).orElseThrow(() -> new IllegalStateException("no address known for " + destination));
    }

    /** Forgets the client of a peer (its address or certificate changed). */
    public void forget(String destination) {
        registryClients.remove(destination);
        logClients.remove(destination);
    }

    @Override
    public void close() {
        lanes.shutdownNow();
        try {
            lanes.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Object> clients = new ArrayList<>(registryClients.values());
        clients.addAll(logClients.values());
        registryClients.clear();
        logClients.clear();
        for (Object client : clients) {
            try {
                ((Closeable) client).close();
            } catch (IOException e) {
                LOG.debug("closing a client failed", e);
            }
        }
    }
}
