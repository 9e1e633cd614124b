package org.itlgateway.gateway.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.cxf.endpoint.Server;
import org.itlgateway.core.check.ResponseCode;
import org.itlgateway.gateway.inbound.HeaderChecks;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.messaging.InboundMessage;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.support.Ports;
import org.itlgateway.gateway.support.TestDatabase;
import org.itlgateway.gateway.support.TestPki;
import org.itlgateway.gateway.support.WireSamples;
import org.itlgateway.gateway.transport.SoapClients;
import org.itlgateway.gateway.transport.SoapEndpoints;
import org.itlgateway.gateway.transport.TransactionLogEndpoint;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
import org.itlgateway.schemas.v1.types.DesProposal;
import org.itlgateway.schemas.v1.types.DesReceipt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A receipt means the message is safe in the inbox; processing happens afterwards, once. */
class InboxTest {

    private final List<InboundMessage> handled = new CopyOnWriteArrayList<>();
    private String schema;
    private Server itl;
    private String address;
    private InboxProcessor processor;

    @BeforeEach
    void startTheLog() {
        schema = TestDatabase.freshGatewaySchema();
        Transactor transactor = TestDatabase.transactor(schema);
        InboxReceiver receiver = new InboxReceiver(new HeaderChecks("ITL", Set.of("CDM", "JP")::contains), transactor,
                query -> Receipt.time(Clock.systemUTC().instant()));
        address = "http://127.0.0.1:" + Ports.free() + "/itl";
        itl = SoapEndpoints.publishTransactionLog(address, new TransactionLogEndpoint(receiver, Clock.systemUTC()),
                TestPki.signatures(TestPki.credential("ITL")), InboundLimits.defaults(), TestDatabase.seenMessages(schema));
        processor = new InboxProcessor(transactor, (connection, message) -> {
            handled.add(message);
            return "recorded";
        }, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        itl.destroy();
    }

    @Test
    void aReceiptedProposalWaitsInTheInboxAndIsProcessedLater() throws Exception {
        assertEquals(1, send(WireSamples.cdmIssuance("CDM3000001")).getResultIdentifier());
        assertEquals(1, TestDatabase.count(schema, "select count(*) from inbox_message where status = 'RECEIVED'"));
        assertTrue(handled.isEmpty(), "nothing is processed before the receipt");

        assertEquals(1, processor.processPending());

        assertEquals(1, handled.size());
        InboundMessage message = handled.get(0);
        assertEquals("CDM3000001", ((DesProposal) message.payload()).getTransactionIdentifier());
        assertEquals("CDM", message.signer());
        assertEquals(0, TestDatabase.count(schema, "select count(*) from inbox_message where status = 'RECEIVED'"));
    }

    @Test
    void aProposalSentAgainWithTheSameContentIsReceiptedAgainButProcessedOnce() throws Exception {
        send(WireSamples.cdmIssuance("CDM3000002"));
        processor.processPending();

        assertEquals(1, send(WireSamples.cdmIssuance("CDM3000002")).getResultIdentifier());
        assertEquals(0, processor.processPending());
        assertEquals(1, handled.size());
    }

    @Test
    void aProposalSentAgainWithOtherContentIsRefusedWith3002() throws Exception {
        send(WireSamples.cdmIssuance("CDM3000003"));
        DesProposal other = WireSamples.cdmIssuance("CDM3000003");
        other.getUnitBlocks().getUnitBlock().get(0).setUnitSerialBlockEnd(1_000_500L);

        DesReceipt receipt = send(other);

        assertEquals(0, receipt.getResultIdentifier());
        assertEquals(List.of(ResponseCode.DUPLICATE_TRANSACTION_DIFFERENT_CONTENT.code()), receipt.getResponseCodes().getResponseCode());
        assertEquals(1, TestDatabase.count(schema, "select count(*) from inbox_message"));
    }

    @Test
    void aRequestForAnotherNodeIsRefusedWithAReceiptAndNotKept() throws Exception {
        TransactionLogPortType client = client();
        try {
            DesReceipt receipt = client.acceptProposal(WireSamples.header("CDM", "CITL"), WireSamples.cdmIssuance("CDM3000004"));
            assertEquals(0, receipt.getResultIdentifier());
            assertEquals(List.of(1010), receipt.getResponseCodes().getResponseCode());
            assertEquals(0, TestDatabase.count(schema, "select count(*) from inbox_message"));
        } finally {
            ((Closeable) client).close();
        }
    }

    @Test
    void aHandlerThatFailsLeavesNoChangeAndMarksTheMessageFailedWithoutBlockingOthers() throws Exception {
        Transactor transactor = TestDatabase.transactor(schema);
        transactor.inTransaction(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("create table effects (note text)");
            }
            return null;
        });
        InboxProcessor failingOnFirst = new InboxProcessor(transactor, (connection, message) -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into effects values (?)")) {
                insert.setString(1, ((DesProposal) message.payload()).getTransactionIdentifier());
                insert.executeUpdate();
            }
            if (((DesProposal) message.payload()).getTransactionIdentifier().equals("CDM3000005")) {
                throw new IllegalStateException("cannot apply");
            }
            return "applied";
        }, Clock.systemUTC());
        send(WireSamples.cdmIssuance("CDM3000005"));
        send(WireSamples.cdmIssuance("CDM3000006"));

        assertEquals(2, failingOnFirst.processPending());

        assertEquals(1, TestDatabase.count(schema, "select count(*) from effects"));
        assertEquals(1, TestDatabase.count(schema, "select count(*) from effects where note = 'CDM3000006'"));
        assertEquals(1, TestDatabase.count(schema,
                "select count(*) from inbox_message where status = 'FAILED' and outcome like '%cannot apply%'"));
    }

    @Test
    void twoGatewayInstancesOnOneDatabaseApplyEachReceivedMessageExactlyOnce() throws Exception {
        int messages = 20;
        for (int i = 0; i < messages; i++) {
            send(WireSamples.cdmIssuance("CDM31" + String.format("%05d", i)));
        }
        java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> applied = new java.util.concurrent.ConcurrentHashMap<>();
        InboxHandler counting = (connection, message) -> {
            applied.computeIfAbsent(((DesProposal) message.payload()).getTransactionIdentifier(),
                    id -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            return "applied";
        };
        Transactor transactor = TestDatabase.transactor(schema);
        InboxProcessor first = new InboxProcessor(transactor, counting, Clock.systemUTC());
        InboxProcessor second = new InboxProcessor(transactor, counting, Clock.systemUTC());
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService instances = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = instances.submit(() -> {
                start.await();
                return first.processPending();
            });
            var b = instances.submit(() -> {
                start.await();
                return second.processPending();
            });
            assertEquals(messages, a.get() + b.get());
        } finally {
            instances.shutdownNow();
        }
        assertEquals(messages, applied.size());
        applied.forEach((id, count) -> assertEquals(1, count.get(), id + " was applied " + count + " times"));
    }

    private DesReceipt send(DesProposal proposal) throws Exception {
        TransactionLogPortType client = client();
        try {
            return client.acceptProposal(WireSamples.header("CDM", "ITL"), proposal);
        } finally {
            ((Closeable) client).close();
        }
    }

    private TransactionLogPortType client() {
        return SoapClients.transactionLog(address, "ITL", TestPki.signatures(TestPki.credential("CDM")), Duration.ofSeconds(30));
    }
}
