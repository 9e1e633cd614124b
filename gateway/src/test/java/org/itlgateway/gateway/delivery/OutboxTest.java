package org.itlgateway.gateway.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.cxf.endpoint.Server;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.messaging.InboundMessage;
import org.itlgateway.gateway.messaging.MessageReceiver;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.support.MutableClock;
import org.itlgateway.gateway.support.Ports;
import org.itlgateway.gateway.support.TestDatabase;
import org.itlgateway.gateway.support.TestPki;
import org.itlgateway.gateway.transport.RegistryEndpoint;
import org.itlgateway.gateway.transport.SoapEndpoints;
import org.itlgateway.schemas.v1.types.DesTransactionNotification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox commits with the business change, and delivers each message once, however often it must try. */
class OutboxTest {

    private static final Instant START = Instant.parse("2024-03-14T09:30:00Z");

    private final Map<String, AtomicInteger> receivedByKey = new ConcurrentHashMap<>();
    private final MutableClock clock = new MutableClock(START);
    private String schema;
    private Transactor transactor;
    private String jpAddress;
    private Server jp;

    @BeforeEach
    void setUp() {
        schema = TestDatabase.freshGatewaySchema();
        transactor = TestDatabase.transactor(schema);
        jpAddress = "http://127.0.0.1:" + Ports.free() + "/registry";
    }

    @AfterEach
    void stop() {
        if (jp != null) {
            jp.destroy();
        }
    }

    @Test
    void aMessageEnqueuedWithABusinessChangeThatRollsBackIsNeverSent() {
        startJapaneseRegistry();
        assertThrows(IllegalStateException.class, () -> transactor.inTransaction(connection -> {
            Outbox.enqueue(connection, notification("CDM1", 4), clock.instant());
            throw new IllegalStateException("the business change failed");
        }));

        assertEquals(0, sender().deliverDue());
        assertTrue(receivedByKey.isEmpty());
    }

    @Test
    void aMessageIsDeliveredSignedAndItsReceiptRecorded() {
        startJapaneseRegistry();
        enqueue(notification("CDM2", 4));

        assertEquals(Optional.of(SendOutcome.DELIVERED), sender().deliverOne());

        assertEquals(1, receivedByKey.get("CDM2/4").get());
        assertEquals(1, TestDatabase.count(schema, "select count(*) from outbox_message where status = 'DELIVERED'"));
    }

    @Test
    void aRegistryThatIsDownIsTriedAgainOnScheduleUntilItAnswers() {
        enqueue(notification("CDM3", 4));
        OutboxSender sender = sender();

        assertEquals(Optional.of(SendOutcome.NO_RECEIPT), sender.deliverOne());
        clock.advance(Duration.ofSeconds(9));
        assertEquals(Optional.empty(), sender.deliverOne(), "nothing is due before the first retry delay");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.of(SendOutcome.NO_RECEIPT), sender.deliverOne());
        clock.advance(Duration.ofSeconds(29));
        assertEquals(Optional.empty(), sender.deliverOne(), "the second retry waits 30 s");

        startJapaneseRegistry();
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.of(SendOutcome.DELIVERED), sender.deliverOne());
        assertEquals(1, receivedByKey.get("CDM3/4").get());
        assertEquals(3, TestDatabase.count(schema, "select attempts from outbox_message"));
    }

    @Test
    void aRefusedMessageIsNotSentAgain() {
        jp = SoapEndpoints.publishRegistry(jpAddress, new RegistryEndpoint(
                message -> Receipt.refusal(org.itlgateway.core.check.ResponseCode.WRONG_RECIPIENT, "not me"), clock),
                TestPki.signatures(TestPki.credential("JP")), InboundLimits.defaults(), TestDatabase.seenMessages(schema));
        enqueue(notification("CDM4", 4));
        OutboxSender sender = sender();

        assertEquals(Optional.of(SendOutcome.REFUSED), sender.deliverOne());
        clock.advance(Duration.ofHours(2));
        assertEquals(Optional.empty(), sender.deliverOne());
        assertEquals(1, TestDatabase.count(schema, "select count(*) from outbox_message where status = 'REFUSED' and receipt_codes = '1010'"));
    }

    @Test
    void twoGatewayInstancesOnOneDatabaseDeliverEachMessageExactlyOnce() throws Exception {
        startJapaneseRegistry();
        int messages = 40;
        for (int i = 0; i < messages; i++) {
            enqueue(notification("CDM" + (100 + i), 4));
        }
        OutboxSender first = sender();
        OutboxSender second = sender();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = instances.submit(() -> {
                start.await();
                return first.deliverDue();
            });
            Future<Integer> b = instances.submit(() -> {
                start.await();
                return second.deliverDue();
            });
            assertEquals(messages, a.get() + b.get(), "every message was sent by one instance");
        } finally {
            instances.shutdownNow();
        }
        assertEquals(messages, receivedByKey.size());
        receivedByKey.forEach((key, count) -> assertEquals(1, count.get(), key + " was delivered " + count + " times"));
        assertEquals(messages, TestDatabase.count(schema, "select count(*) from outbox_message where status = 'DELIVERED'"));
    }

    private void startJapaneseRegistry() {
        MessageReceiver counting = (InboundMessage message) -> {
            DesTransactionNotification notification = (DesTransactionNotification) message.payload();
            receivedByKey.computeIfAbsent(notification.getTransactionIdentifier() + "/" + notification.getTransactionStatus(),
                    key -> new AtomicInteger()).incrementAndGet();
            return Receipt.acceptedForProcessing();
        };
        jp = SoapEndpoints.publishRegistry(jpAddress, new RegistryEndpoint(counting, clock),
                TestPki.signatures(TestPki.credential("JP")), InboundLimits.defaults(), TestDatabase.seenMessages(schema));
    }

    private OutboxSender sender() {
        Peers peers = code -> Optional.of(Peer.registry("JP", jpAddress));
        return new OutboxSender(transactor, peers, TestPki.signatures(TestPki.credential("ITL")), RetrySchedule.standard(),
                clock, Duration.ofSeconds(5));
    }

    private void enqueue(OutboundMessage message) {
        transactor.inTransaction(connection -> Outbox.enqueue(connection, message, clock.instant()));
    }

    private static OutboundMessage notification(String transaction, int status) {
        DesTransactionNotification notification = new DesTransactionNotification();
        notification.setTransactionIdentifier(transaction);
        notification.setTransactionStatus(status);
        notification.setStatusDateTime(START);
        return OutboundMessage.of("ITL", "JP", Operation.REGISTRY_ACCEPT_NOTIFICATION, notification);
    }

}
