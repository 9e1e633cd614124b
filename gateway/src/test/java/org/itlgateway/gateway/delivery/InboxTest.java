package org.itlgateway.gateway.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.cxf.endpoint.Server;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.store.Database;
import org.itlgateway.gateway.evidence.EvidenceArchive;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.inbound.HeaderChecks;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.support.ProposalEnvelopes;
import org.itlgateway.gateway.support.RawSoap;
import org.itlgateway.gateway.support.SignedEnvelopes;
import org.itlgateway.gateway.support.TestDatabase;
import org.itlgateway.gateway.support.TestPki;
import org.itlgateway.gateway.support.WireSamples;
import org.itlgateway.gateway.transport.SoapClients;
import org.itlgateway.gateway.transport.SoapEndpoints;
import org.itlgateway.gateway.transport.TransactionLogEndpoint;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
import org.itlgateway.schemas.v1.types.DesProposal;
import org.itlgateway.schemas.v1.types.DesReceipt;
import org.itlgateway.schemas.v1.types.DesTransactionNotification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A receipt means the message is safe in the inbox; processing happens afterwards, once, and a message that
 * cannot be processed is set aside without stopping the others. On the transactor production uses (the
 * Hibernate unit of work's connection).
 */
class InboxTest {

    private static final String ACCEPT_PROPOSAL = "urn:itlgateway:des:1.0:transactionlog/acceptProposal";

    private final List<InboundMessage> handled = new CopyOnWriteArrayList<>();
    private String schema;
    private Database database;
    private Transactor transactor;
    private Server itl;
    private String address;
    private InboxProcessor processor;

    @BeforeEach
    void startTheLog() {
        schema = TestDatabase.freshSchemaName();
        database = TestDatabase.open(schema, 4);
        transactor = TestDatabase.transactor(database);
        InboxReceiver receiver = new InboxReceiver(new HeaderChecks("ITL", Set.of("CDM", "JP")::contains), transactor,
                query -> Receipt.time(Clock.systemUTC().instant()));
        address = "http://127.0.0.1:" + FreePorts.next() + "/itl";
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
        database.close();
    }

    @Test
    void aReceiptedProposalWaitsInTheInboxAndIsProcessedLater() throws Exception {
        assertEquals(1, send(WireSamples.cdmIssuance("CDM3000001")).getResultIdentifier());
        assertEquals(1, TestDatabase.count(schema, "select count(*) from inbox_message where status = 'RECEIVED'"));
        assertTrue(handled.isEmpty(), "nothing is processed before the receipt");

        assertEquals(1, processor.processPending());

        assertEquals(1, handled.size());
        InboundMessage message = handled.get(0);
        assertEquals("CDM3000001", message.content(Wire.LOG_ACCEPT_PROPOSAL).getTransactionIdentifier());
        assertEquals("CDM", message.signer());
        assertTrue(new String(message.rawXml(), StandardCharsets.UTF_8).contains("SignatureValue"),
                "the bytes as received are kept as evidence");
        assertEquals(0, TestDatabase.count(schema, "select count(*) from inbox_message where status = 'RECEIVED'"));
    }

    @Test
    void everyReceiptedMessageIsAppendedToTheEvidenceArchiveWithItsInboxRow() throws Exception {
        assertEquals(1, send(WireSamples.cdmIssuance("CDM3000021")).getResultIdentifier());

        assertEquals(1, TestDatabase.count(schema, "select count(*) from inbox_message where message_key = 'CDM3000021'"));
        assertEquals(1, TestDatabase.count(schema, "select count(*) from evidence_record where subject = 'CDM3000021'"
                + " and kind = 'MESSAGE_RECEIVED' and peer = 'CDM'"));
    }

    @Test
    void theBytesAsReceivedAreKeptOnceInTheEvidenceRecordAndHandedToTheProcessorFromThere() throws Exception {
        assertEquals(1, send(WireSamples.cdmIssuance("CDM3000023")).getResultIdentifier());

        assertEquals(1, TestDatabase.count(schema, "select count(*) from inbox_message message join evidence_record"
                + " evidence on evidence.sequence = message.evidence_sequence where message.message_key = 'CDM3000023'"
                + " and message.raw_xml is null and evidence.subject = 'CDM3000023' and evidence.kind = 'MESSAGE_RECEIVED'"));
        assertEquals(1, processor.processPending());
        byte[] archived = transactor.inTransaction(connection -> EvidenceArchive.about(connection, "CDM3000023")).get(0).content();
        assertArrayEquals(archived, handled.get(0).rawXml());
        assertTrue(new String(archived, StandardCharsets.UTF_8).contains("SignatureValue"));
    }

    @Test
    void theBenchmarksReceiverWithoutTheArchiveKeepsTheInboxRowAndAppendsNoRecord() throws Exception {
        // The benchmark of the archive's cost compares this receiver with the one above: all alike but the archive.
        itl.destroy();
        InboxReceiver withoutArchive = InboxReceiver.withoutEvidenceArchiveForBenchmark(
                new HeaderChecks("ITL", Set.of("CDM", "JP")::contains), transactor,
                query -> Receipt.time(Clock.systemUTC().instant()));
        address = "http://127.0.0.1:" + FreePorts.next() + "/itl";
        itl = SoapEndpoints.publishTransactionLog(address, new TransactionLogEndpoint(withoutArchive, Clock.systemUTC()),
                TestPki.signatures(TestPki.credential("ITL")), InboundLimits.defaults(), TestDatabase.seenMessages(schema));

        assertEquals(1, send(WireSamples.cdmIssuance("CDM3000022")).getResultIdentifier());

        assertEquals(1, TestDatabase.count(schema, "select count(*) from inbox_message where message_key = 'CDM3000022'"));
        assertEquals(0, TestDatabase.count(schema, "select count(*) from evidence_record"));
        assertEquals(1, processor.processPending());
        assertTrue(new String(handled.get(0).rawXml(), StandardCharsets.UTF_8).contains("SignatureValue"),
                "with no record to name, the row keeps the bytes itself");
    }

    @Test
    void aMessageFromAPeerMakesWhatWaitsToBeRetriedToItDueAtOnce() throws Exception {
        // The log's notifications to CDM and to JP got no receipt (both were down): retried in two minutes.
        transactor.inTransaction(connection -> {
            Outbox.enqueue(connection, notification("CDM", "CDM3000010"), Instant.now());
            return Outbox.enqueue(connection, notification("JP", "CDM3000010"), Instant.now());
        });
        TestDatabase.execute(schema, "update outbox_message set next_attempt_at = now() + interval '2 minutes'");

        assertEquals(1, send(WireSamples.cdmIssuance("CDM3000011")).getResultIdentifier());

        assertEquals(1, TestDatabase.count(schema, "select count(*) from outbox_message"
                + " where destination = 'CDM' and next_attempt_at <= now()"), "CDM speaks again: it is up, send now");
        assertEquals(1, TestDatabase.count(schema, "select count(*) from outbox_message"
                + " where destination = 'JP' and next_attempt_at > now() + interval '1 minute'"), "JP still waits");
    }

    private static OutboundMessage notification(String destination, String transaction) {
        DesTransactionNotification notification = new DesTransactionNotification();
        notification.setTransactionIdentifier(transaction);
        notification.setTransactionStatus(4);
        notification.setStatusDateTime(Instant.parse("2024-03-14T09:30:00Z"));
        return OutboundMessage.of("ITL", destination, Wire.REGISTRY_ACCEPT_NOTIFICATION, notification);
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
        other.getProposalUnitBlocks().getUnitBlock().get(0).setUnitSerialBlockEnd(1_000_500L);

        DesReceipt receipt = send(other);

        assertEquals(0, receipt.getResultIdentifier());
        assertEquals(List.of(ResponseCode.DUPLICATE_TRANSACTION_DIFFERENT_CONTENT.code()), receipt.getResponseCodes().getResponseCode());
        assertEquals(1, TestDatabase.count(schema, "select count(*) from inbox_message"));
    }

    @Test
    void aRequestForAnotherNodeIsRefusedWithAReceiptAndNotKept() throws Exception {
        TransactionLogPortType client = client();
        try {
            DesReceipt receipt = client.acceptProposal(WireSamples.proposalToLog("CDM", "CITL", WireSamples.cdmIssuance("CDM3000004")));
            assertEquals(0, receipt.getResultIdentifier());
            assertEquals(List.of(1010), receipt.getResponseCodes().getResponseCode());
            assertEquals(0, TestDatabase.count(schema, "select count(*) from inbox_message"));
        } finally {
            ((Closeable) client).close();
        }
    }

    @Test
    void aSignedEnvelopeWhoseXmlDeclarationNamesAnotherEncodingNeverStopsTheNextMessage() throws Exception {
        String signed = signedProposal("CDM3200001");
        byte[] declared = ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + signed).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = RawSoap.post(address, ACCEPT_PROPOSAL, declared);

        assertTheNextMessageIsProcessedAfter(response, "CDM3200001");
    }

    @Test
    void aSignedEnvelopeSentAsMultipartRelatedNeverStopsTheNextMessage() throws Exception {
        String signed = signedProposal("CDM3200002");
        String boundary = "uuid:6b62cda9-0d55-4f5d-9b4a-2c0c5a1a7f11";
        String body = "--" + boundary + "\r\n"
                + "Content-Type: text/xml; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: binary\r\n"
                + "Content-ID: <root.message@itlgateway>\r\n\r\n"
                + signed + "\r\n"
                + "--" + boundary + "--\r\n";

        HttpResponse<String> response = RawSoap.post(address, ACCEPT_PROPOSAL, "multipart/related; type=\"text/xml\";"
                + " start=\"<root.message@itlgateway>\"; boundary=\"" + boundary + "\"", body.getBytes(StandardCharsets.UTF_8));

        assertTheNextMessageIsProcessedAfter(response, "CDM3200002");
    }

    @Test
    void aSignedEnvelopeWithAHeaderElementNameOverAThousandCharactersNeverStopsTheNextMessage() throws Exception {
        String signed = signedProposal("CDM3200003");
        String name = "x:" + "n".repeat(1_200);
        int securityHeader = signed.indexOf("<wsse:Security");
        assertTrue(securityHeader > 0, signed);
        String withLongName = signed.substring(0, securityHeader) + "<" + name + " xmlns:x=\"urn:example:extra\">note</"
                + name + ">" + signed.substring(securityHeader);

        HttpResponse<String> response = RawSoap.post(address, ACCEPT_PROPOSAL, withLongName.getBytes(StandardCharsets.UTF_8));

        assertTheNextMessageIsProcessedAfter(response, "CDM3200003");
    }

    @Test
    void aHandlerThatFailsLeavesNoChangeAndSetsItsMessageAsideAsADeadLetterWhileTheNextIsProcessed() throws Exception {
        TestDatabase.execute(schema, "create table effects (note text)");
        // As the registry node's handler does: its work joins the unit of work, so a failure marks it rollback-only.
        InboxProcessor failingOnFirst = new InboxProcessor(transactor, (connection, message) -> database.call(() -> {
            String id = message.content(Wire.LOG_ACCEPT_PROPOSAL).getTransactionIdentifier();
            try (PreparedStatement insert = connection.prepareStatement("insert into effects values (?)")) {
                insert.setString(1, id);
                insert.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            if (id.equals("CDM3000005")) {
                throw new IllegalStateException("cannot apply");
            }
            return "applied";
        }), Clock.systemUTC());
        send(WireSamples.cdmIssuance("CDM3000005"));
        send(WireSamples.cdmIssuance("CDM3000006"));

        assertEquals(2, failingOnFirst.processPending(), "both are taken in one round");

        assertEquals(1, TestDatabase.count(schema, "select count(*) from effects"));
        assertEquals(1, TestDatabase.count(schema, "select count(*) from effects where note = 'CDM3000006'"));
        assertEquals(1, TestDatabase.count(schema, "select count(*) from inbox_message where message_key = 'CDM3000006'"
                + " and status = 'PROCESSED'"));
        assertEquals(1, TestDatabase.count(schema, "select count(*) from inbox_message where message_key = 'CDM3000005'"
                + " and status = 'DEAD' and failure_reason like '%cannot apply%'"
                + " and failure_trace like '%IllegalStateException%' and failure_trace like '%at org.itlgateway%'"));
        assertEquals(0, failingOnFirst.processPending(), "a dead letter is not taken again");
    }

    @Test
    void aMessageWhoseProcessingLostItsDatabaseSessionIsTakenAgainLaterNotSetAside() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        // The first time, the database ends the session under the handler (as when PostgreSQL is killed or restarts).
        InboxProcessor losingItsSessionOnce = new InboxProcessor(transactor, (connection, message) -> {
            if (calls.incrementAndGet() == 1) {
                try (PreparedStatement terminate = connection.prepareStatement("select pg_terminate_backend(pg_backend_pid())")) {
                    terminate.execute();
                }
            }
            return "applied";
        }, Clock.systemUTC());
        send(WireSamples.cdmIssuance("CDM3000007"));

        assertThrows(RuntimeException.class, losingItsSessionOnce::processPending, "the round stops");
        assertEquals(1, TestDatabase.count(schema, "select count(*) from inbox_message where message_key = 'CDM3000007'"
                + " and status = 'RECEIVED'"), "the message still waits: the failure was the database's, not its own");

        assertEquals(1, losingItsSessionOnce.processPending());
        assertEquals(1, TestDatabase.count(schema, "select count(*) from inbox_message where message_key = 'CDM3000007'"
                + " and status = 'PROCESSED'"));
    }

    @Test
    void aMessageWhoseProcessingTheDatabaseRolledBackForADeadlockIsTakenAgainNotSetAside() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        // The first time, PostgreSQL breaks a deadlock with concurrent work by rolling this work back (SQLSTATE 40P01).
        InboxProcessor deadlockedOnce = new InboxProcessor(transactor, (connection, message) -> {
            if (calls.incrementAndGet() == 1) {
                throw new java.sql.SQLException("ERROR: deadlock detected", "40P01");
            }
            return "applied";
        }, Clock.systemUTC());
        send(WireSamples.cdmIssuance("CDM3000008"));

        deadlockedOnce.processPending();

        assertEquals(2, calls.get(), "taken again after the rollback");
        assertEquals(1, TestDatabase.count(schema, "select count(*) from inbox_message where message_key = 'CDM3000008'"
                + " and status = 'PROCESSED'"), "processed, not a dead letter");
    }

    @Test
    void aMessageRolledBackForConcurrentWorkAgainAndAgainStopsTheRoundAndWaitsInsteadOfSpinning() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        InboxProcessor alwaysDeadlocked = new InboxProcessor(transactor, (connection, message) -> {
            calls.incrementAndGet();
            throw new java.sql.SQLException("ERROR: deadlock detected", "40P01");
        }, Clock.systemUTC());
        send(WireSamples.cdmIssuance("CDM3000009"));

        assertThrows(RuntimeException.class, alwaysDeadlocked::processPending, "the round stops");

        assertEquals(InboxProcessor.CONFLICTS_PER_ROUND, calls.get());
        assertEquals(1, TestDatabase.count(schema, "select count(*) from inbox_message where message_key = 'CDM3000009'"
                + " and status = 'RECEIVED'"), "the message waits for the next round, not a dead letter");
    }

    @Test
    void twoGatewayInstancesOnOneDatabaseApplyEachReceivedMessageExactlyOnce() throws Exception {
        int messages = 20;
        for (int i = 0; i < messages; i++) {
            send(WireSamples.cdmIssuance("CDM31" + String.format("%05d", i)));
        }
        java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> applied = new java.util.concurrent.ConcurrentHashMap<>();
        InboxHandler counting = (connection, message) -> {
            applied.computeIfAbsent(message.content(Wire.LOG_ACCEPT_PROPOSAL).getTransactionIdentifier(),
                    id -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            return "applied";
        };
        try (Database secondDatabase = TestDatabase.open(schema, 4)) {
            InboxProcessor first = new InboxProcessor(transactor, counting, Clock.systemUTC());
            InboxProcessor second = new InboxProcessor(TestDatabase.transactor(secondDatabase), counting, Clock.systemUTC());
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
        }
        assertEquals(messages, applied.size());
        applied.forEach((id, count) -> assertEquals(1, count.get(), id + " was applied " + count + " times"));
    }

    /**
     * The unusual message is either refused before any receipt, or receipted and then processed like any other;
     * either way a valid message sent after it is processed.
     */
    private void assertTheNextMessageIsProcessedAfter(HttpResponse<String> response, String transaction) throws Exception {
        boolean receipted = response.statusCode() == 200 && response.body().contains("resultIdentifier>1<");
        assertEquals(1, send(WireSamples.cdmIssuance("CDM3299999")).getResultIdentifier());

        processor.processPending();

        List<String> processed = handled.stream().map(m -> m.content(Wire.LOG_ACCEPT_PROPOSAL).getTransactionIdentifier()).toList();
        assertTrue(processed.contains("CDM3299999"), "the next message is processed: " + processed);
        if (receipted) {
            assertTrue(processed.contains(transaction), "the receipted message is processed too: " + processed);
        } else {
            assertEquals(0, TestDatabase.count(schema, "select count(*) from inbox_message where message_key = '"
                    + transaction + "'"), "a refused message is not kept");
        }
        assertEquals(0, TestDatabase.count(schema, "select count(*) from inbox_message where status <> 'PROCESSED'"));
    }

    private static String signedProposal(String transaction) throws Exception {
        return SignedEnvelopes.sign(ProposalEnvelopes.proposal("CDM", transaction), TestPki.credential("CDM"), Instant.now());
    }

    private DesReceipt send(DesProposal proposal) throws Exception {
        TransactionLogPortType client = client();
        try {
            return client.acceptProposal(WireSamples.proposalToLog("CDM", "ITL", proposal));
        } finally {
            ((Closeable) client).close();
        }
    }

    private TransactionLogPortType client() {
        return SoapClients.transactionLog(address, "ITL", TestPki.signatures(TestPki.credential("CDM")), Duration.ofSeconds(30));
    }
}
