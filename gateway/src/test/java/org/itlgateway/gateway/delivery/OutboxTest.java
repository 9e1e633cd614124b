package org.itlgateway.gateway.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import com.sun.net.httpserver.HttpServer;
import org.apache.cxf.endpoint.Server;
import org.itlgateway.core.store.Database;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.support.MutableClock;
import org.itlgateway.gateway.support.TestDatabase;
import org.itlgateway.gateway.support.TestPki;
import org.itlgateway.gateway.transport.RegistryEndpoint;
import org.itlgateway.gateway.transport.SoapEndpoints;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.gateway.wire.MessageReceiver;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.v1.types.DesTransactionNotification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox commits with the business change, and delivers each message once, however often it must try; a
 * message it cannot send is set aside without holding up the others. On the transactor production uses.
 */
class OutboxTest {

    private static final Instant START = Instant.parse("2024-03-14T09:30:00Z");

    private final Map<String, AtomicInteger> receivedByKey = new ConcurrentHashMap<>();
    private final CountDownLatch japanReceived = new CountDownLatch(1);
    private final MutableClock clock = new MutableClock(START);
    private String schema;
    private Database database;
    private Transactor transactor;
    private String jpAddress;
    private Server jp;

    @BeforeEach
    void setUp() {
        schema = TestDatabase.freshSchemaName();
        database = TestDatabase.open(schema, 4);
        transactor = TestDatabase.transactor(database);
        jpAddress = "http://127.0.0.1:" + FreePorts.next() + "/registry";
    }

    @AfterEach
    void stop() {
        if (jp != null) {
            jp.destroy();
        }
        database.close();
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
    void theLeaseCommitsWithoutAFlushOfItsOwnAndTheReceiptAfterItWaitsForItsFlush() throws Exception {
        startJapaneseRegistry();
        enqueue(notification("CDM3", 4));

        assertEquals(Optional.of(SendOutcome.DELIVERED), sender().deliverOne());

        // every connection of the pool, the lease's and the receipt's among them: what is written next on any of
        // them (a receipt's record, an inbox row) must still commit durably
        java.util.List<java.sql.Connection> pool = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                pool.add(database.dataSource().getConnection());
            }
            for (java.sql.Connection connection : pool) {
                try (var statement = connection.createStatement(); var show = statement.executeQuery("show synchronous_commit")) {
                    show.next();
                    assertEquals("on", show.getString(1));
                }
            }
        } finally {
            for (java.sql.Connection connection : pool) {
                connection.close();
            }
        }
        assertEquals(1, TestDatabase.count(schema, "select count(*) from outbox_message where status = 'DELIVERED'"));
    }

    @Test
    void aRegistryThatAnswersWithoutAReceiptIsTriedAgainOnAGrowingScheduleUntilItAnswers() throws Exception {
        HttpServer unavailable = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        unavailable.createContext("/", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        unavailable.start();
        jpAddress = "http://127.0.0.1:" + unavailable.getAddress().getPort() + "/registry";
        enqueue(notification("CDM3", 4));
        OutboxSender sender = sender();
        try {
            assertEquals(Optional.of(SendOutcome.NO_RECEIPT), sender.deliverOne());
            clock.advance(Duration.ofSeconds(9));
            assertEquals(Optional.empty(), sender.deliverOne(), "nothing is due before the first retry delay");
            clock.advance(Duration.ofSeconds(1));
            assertEquals(Optional.of(SendOutcome.NO_RECEIPT), sender.deliverOne());
            clock.advance(Duration.ofSeconds(29));
            assertEquals(Optional.empty(), sender.deliverOne(), "the second retry waits 30 s");
        } finally {
            unavailable.stop(0);
        }

        startJapaneseRegistry(); // on the same address

        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.of(SendOutcome.DELIVERED), sender.deliverOne());
        assertEquals(1, receivedByKey.get("CDM3/4").get());
        assertEquals(3, TestDatabase.count(schema, "select attempts from outbox_message"));
    }

    @Test
    void aRegistryRefusingConnectionsWhileItRestartsIsTriedAgainAtTheFirstStepHoweverOftenItFailed() {
        enqueue(notification("CDM7", 4));
        OutboxSender sender = sender();

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertEquals(Optional.of(SendOutcome.NO_RECEIPT), sender.deliverOne(), "attempt " + attempt);
            clock.advance(Duration.ofSeconds(9));
            assertEquals(Optional.empty(), sender.deliverOne(), "nothing is due before the first step");
            clock.advance(Duration.ofSeconds(1));
        }

        startJapaneseRegistry();
        assertEquals(Optional.of(SendOutcome.DELIVERED), sender.deliverOne(),
                "10 s after its fifth refused connection, not on the 5-minute step of a peer that is down");
    }

    @Test
    void aRefusedMessageIsNotSentAgain() {
        startJapaneseRegistryRefusingEverything();
        enqueue(notification("CDM4", 4));
        OutboxSender sender = sender();

        assertEquals(Optional.of(SendOutcome.REFUSED), sender.deliverOne());
        clock.advance(Duration.ofHours(2));
        assertEquals(Optional.empty(), sender.deliverOne());
        assertEquals(1, TestDatabase.count(schema, "select count(*) from outbox_message where status = 'REFUSED' and receipt_codes = '1010'"));
    }

    @Test
    void aRegistryWhoseStoreFailsAnswersAFaultTheSenderSendsAgainNotARefusal() {
        String japanSchema = TestDatabase.freshSchemaName();
        Database japanDatabase = TestDatabase.open(japanSchema, 2);
        InboxReceiver japanInbox = new InboxReceiver(new org.itlgateway.gateway.inbound.HeaderChecks("JP", "ITL"::equals),
                TestDatabase.transactor(japanDatabase), query -> Receipt.time(clock.instant()));
        jp = SoapEndpoints.publishRegistry(jpAddress, new RegistryEndpoint(japanInbox, clock),
                TestPki.signatures(TestPki.credential("JP")), InboundLimits.defaults(), TestDatabase.seenMessages(schema));
        japanDatabase.close(); // Japan's store is gone while its endpoint still answers
        enqueue(notification("CDM8", 4));
        OutboxSender sender = sender();

        assertEquals(Optional.of(SendOutcome.NO_RECEIPT), sender.deliverOne(),
                "a failure on the receiver's side is no receipt, to be sent again; a refusal would be final");
        assertEquals(1, TestDatabase.count(schema, "select count(*) from outbox_message where status = 'PENDING'"
                + " and message_key = 'CDM8/4' and last_error like '%send it again%'"));
    }

    @Test
    void aRefusalRunsTheNodesRefusalHandlerInTheTransactionThatRecordsIt() {
        startJapaneseRegistryRefusingEverything();
        enqueue(notification("CDM5", 4));
        OutboxSender sender = sender();
        java.util.List<String> seen = new java.util.ArrayList<>();
        sender.onRefusal((connection, message, codes) -> {
            try (var status = connection.prepareStatement("select status from outbox_message where message_key = 'CDM5/4'");
                 var row = status.executeQuery()) {
                row.next();
                seen.add(message.messageKey() + " " + codes + " " + row.getString(1));
            }
        });

        assertEquals(Optional.of(SendOutcome.REFUSED), sender.deliverOne());

        assertEquals(java.util.List.of("CDM5/4 [1010] REFUSED"), seen,
                "the handler sees the codes and, on the same connection, the refusal already recorded");
    }

    @Test
    void aRefusalHandlerThatFailsLeavesTheMessageToBeSentAgainNotRecordedHalfway() {
        startJapaneseRegistryRefusingEverything();
        enqueue(notification("CDM6", 4));
        OutboxSender sender = sender();
        sender.onRefusal((connection, message, codes) -> {
            throw new java.sql.SQLException("the node's own record failed");
        });

        assertThrows(RuntimeException.class, sender::deliverOne);

        assertEquals(0, TestDatabase.count(schema, "select count(*) from outbox_message where status = 'REFUSED'"),
                "the refusal is recorded together with the node's reaction or not at all");
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

    @Test
    void aSlowPeerDelaysNoDeliveryToAnotherPeerAndHoldsNoDatabaseConnectionWhileItWaits() throws Exception {
        startJapaneseRegistry();
        CountDownLatch koreaReached = new CountDownLatch(1);
        CountDownLatch releaseKorea = new CountDownLatch(1);
        String krAddress = "http://127.0.0.1:" + FreePorts.next() + "/registry";
        Server kr = SoapEndpoints.publishRegistry(krAddress, new RegistryEndpoint(message -> {
            koreaReached.countDown();
            try {
                releaseKorea.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Receipt.acceptedForProcessing();
        }, clock), TestPki.signatures(TestPki.credential("KR")), InboundLimits.defaults(), TestDatabase.seenMessages());
        String smallPool = TestDatabase.freshSchemaName();
        ExecutorService round = Executors.newFixedThreadPool(2);
        try (Database small = TestDatabase.open(smallPool, 2)) {
            Transactor pool = TestDatabase.transactor(small);
            pool.inTransaction(connection -> Outbox.enqueue(connection,
                    OutboundMessage.of("ITL", "KR", Wire.REGISTRY_ACCEPT_NOTIFICATION, content("CDM50", 4)), clock.instant()));
            pool.inTransaction(connection -> Outbox.enqueue(connection, notification("CDM51", 4), clock.instant()));
            Peers peers = code -> Optional.of(Peer.registry(code, code.equals("KR") ? krAddress : jpAddress));
            OutboxSender sender = new OutboxSender(pool, peers, TestPki.signatures(TestPki.credential("ITL")),
                    RetrySchedule.standard(), clock, Duration.ofMinutes(2));

            Future<Integer> delivering = round.submit(sender::deliverDue);
            assertTrue(koreaReached.await(60, TimeUnit.SECONDS), "the slow peer was called");
            assertTrue(japanReceived.await(60, TimeUnit.SECONDS), "Japan got its message while Korea still holds its request");
            // The pool has two connections: one held here by another unit of work, the other must be free.
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch letGo = new CountDownLatch(1);
            Future<Object> other = round.submit(() -> pool.inTransaction(connection -> {
                holding.countDown();
                try {
                    letGo.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            assertTrue(holding.await(60, TimeUnit.SECONDS));
            int answered = pool.inTransaction(connection -> {
                try (var statement = connection.createStatement(); var rows = statement.executeQuery("select 1")) {
                    rows.next();
                    return rows.getInt(1);
                }
            });
            assertEquals(1, answered, "a connection of the pool is free while Korea holds its request");
            letGo.countDown();
            other.get(60, TimeUnit.SECONDS);

            releaseKorea.countDown();
            assertEquals(2, delivering.get(60, TimeUnit.SECONDS));
            assertEquals(2, TestDatabase.count(smallPool, "select count(*) from outbox_message where status = 'DELIVERED'"));
            sender.close();
        } finally {
            releaseKorea.countDown();
            round.shutdownNow();
            kr.destroy();
        }
    }

    @Test
    void aStoredMessageThatNoLongerReadsIsSetAsideAsADeadLetterAndTheOthersAreDelivered() {
        startJapaneseRegistry();
        enqueue(notification("CDM60", 4));
        enqueue(notification("CDM61", 4));
        TestDatabase.execute(schema, "update outbox_message set payload_xml = '<acceptNotification xmlns=\"urn:other\"/>'"
                + " where message_key = 'CDM60/4'");

        assertEquals(2, sender().deliverDue());

        assertEquals(1, receivedByKey.get("CDM61/4").get());
        assertTrue(!receivedByKey.containsKey("CDM60/4"));
        assertEquals(1, TestDatabase.count(schema, "select count(*) from outbox_message where message_key = 'CDM60/4'"
                + " and status = 'DEAD' and failure_reason like '%does not read%' and failure_trace like '%at org.itlgateway%'"));
    }

    @Test
    void aFailureOnThisSideIsTriedAgainAFewTimesThenSetAsideWithItsStackTraceWhileOthersAreDelivered() {
        startJapaneseRegistry();
        transactor.inTransaction(connection -> Outbox.enqueue(connection,
                OutboundMessage.of("ITL", "XX", Wire.REGISTRY_ACCEPT_NOTIFICATION, content("CDM70", 4)), clock.instant()));
        enqueue(notification("CDM71", 4));
        // A bug stands in: the peers know no address for XX, which the sender never checked.
        Peers peers = code -> code.equals("JP") ? Optional.of(Peer.registry("JP", jpAddress)) : Optional.empty();
        OutboxSender sender = new OutboxSender(transactor, peers, TestPki.signatures(TestPki.credential("ITL")),
                RetrySchedule.standard(), clock, Duration.ofSeconds(30), 3);

        assertEquals(2, sender.deliverDue());
        assertEquals(1, receivedByKey.get("CDM71/4").get(), "the other message is delivered");
        assertEquals(1, TestDatabase.count(schema, "select count(*) from outbox_message where destination = 'XX'"
                + " and status = 'PENDING' and faults = 1"));
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Optional.of(SendOutcome.FAULT), sender.deliverOne());
        clock.advance(Duration.ofSeconds(30));
        assertEquals(Optional.of(SendOutcome.DEAD_LETTERED), sender.deliverOne());
        clock.advance(Duration.ofHours(2));
        assertEquals(Optional.empty(), sender.deliverOne(), "a dead letter is not taken again");
        assertEquals(1, TestDatabase.count(schema, "select count(*) from outbox_message where destination = 'XX'"
                + " and status = 'DEAD' and failure_reason like '%no address known for XX%'"
                + " and failure_trace like '%IllegalStateException%at org.itlgateway%'"));
    }

    @Test
    void afterARestartDeliveriesWaitingOnARetryDelayOrALeaseAreDueAtOnce() {
        enqueue(notification("CDM80", 4));
        enqueue(notification("CDM81", 4));
        OutboxSender before = sender();
        assertEquals(Optional.of(SendOutcome.NO_RECEIPT), before.deliverOne());
        assertEquals(Optional.of(SendOutcome.NO_RECEIPT), before.deliverOne());
        // CDM81 is then leased by a send that dies with the process.
        TestDatabase.execute(schema, "update outbox_message set claimed_until = '2024-03-15T00:00:00Z', claimed_by = 'gone'"
                + " where message_key = 'CDM81/4'");
        before.close();
        startJapaneseRegistry();

        OutboxSender restarted = sender();
        assertEquals(Optional.empty(), restarted.deliverOne(), "both wait: one on its retry delay, one on its lease");
        assertEquals(2, restarted.resumeAfterRestart());

        assertEquals(2, restarted.deliverDue(), "both are sent at once, without waiting on the clock");
        assertEquals(1, receivedByKey.get("CDM80/4").get());
        assertEquals(1, receivedByKey.get("CDM81/4").get());
    }

    @Test
    void aPeerThatAnswersAgainHasItsOtherBackedOffMessagesSentAtOnce() {
        enqueue(notification("CDM90", 4));
        OutboxSender sender = sender();
        assertEquals(Optional.of(SendOutcome.NO_RECEIPT), sender.deliverOne());
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Optional.of(SendOutcome.NO_RECEIPT), sender.deliverOne());
        enqueue(notification("CDM91", 4));
        startJapaneseRegistry();

        assertEquals(Optional.of(SendOutcome.DELIVERED), sender.deliverOne(), "the new message goes first");
        assertEquals(Optional.of(SendOutcome.DELIVERED), sender.deliverOne(),
                "the message waiting 30 s for Japan is due as soon as Japan answers");
        assertEquals(1, receivedByKey.get("CDM90/4").get());
    }

    private void startJapaneseRegistry() {
        MessageReceiver counting = (InboundMessage message) -> {
            DesTransactionNotification notification = message.content(Wire.REGISTRY_ACCEPT_NOTIFICATION);
            japanReceived.countDown();
            receivedByKey.computeIfAbsent(notification.getTransactionIdentifier() + "/" + notification.getTransactionStatus(),
                    key -> new AtomicInteger()).incrementAndGet();
            return Receipt.acceptedForProcessing();
        };
        jp = SoapEndpoints.publishRegistry(jpAddress, new RegistryEndpoint(counting, clock),
                TestPki.signatures(TestPki.credential("JP")), InboundLimits.defaults(), TestDatabase.seenMessages(schema));
    }

    /** Japan's endpoint, answering every message with a refusal receipt (1010). */
    private void startJapaneseRegistryRefusingEverything() {
        jp = SoapEndpoints.publishRegistry(jpAddress, new RegistryEndpoint(
                message -> Receipt.refusal(org.itlgateway.core.result.ResponseCode.WRONG_RECIPIENT, "not me"), clock),
                TestPki.signatures(TestPki.credential("JP")), InboundLimits.defaults(), TestDatabase.seenMessages(schema));
    }

    private OutboxSender sender() {
        Peers peers = code -> Optional.of(Peer.registry("JP", jpAddress));
        return new OutboxSender(transactor, peers, TestPki.signatures(TestPki.credential("ITL")), RetrySchedule.standard(),
                clock, Duration.ofSeconds(30));
    }

    private void enqueue(OutboundMessage message) {
        transactor.inTransaction(connection -> Outbox.enqueue(connection, message, clock.instant()));
    }

    private static OutboundMessage notification(String transaction, int status) {
        return OutboundMessage.of("ITL", "JP", Wire.REGISTRY_ACCEPT_NOTIFICATION, content(transaction, status));
    }

    private static DesTransactionNotification content(String transaction, int status) {
        DesTransactionNotification notification = new DesTransactionNotification();
        notification.setTransactionIdentifier(transaction);
        notification.setTransactionStatus(status);
        notification.setStatusDateTime(START);
        return notification;
    }

}
