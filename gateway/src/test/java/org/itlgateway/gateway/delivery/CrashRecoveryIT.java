package org.itlgateway.gateway.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.cxf.endpoint.Server;
import org.itlgateway.core.store.Database;
import org.itlgateway.gateway.http.FreePorts;
import org.itlgateway.gateway.inbound.HeaderChecks;
import org.itlgateway.gateway.inbound.InboundLimits;
import org.itlgateway.gateway.messaging.Receipt;
import org.itlgateway.gateway.pki.PkiFiles;
import org.itlgateway.gateway.support.CrashingNode;
import org.itlgateway.gateway.support.TestDatabase;
import org.itlgateway.gateway.support.TestPki;
import org.itlgateway.gateway.support.WireSamples;
import org.itlgateway.gateway.transport.SoapClients;
import org.itlgateway.gateway.transport.SoapEndpoints;
import org.itlgateway.gateway.transport.TransactionLogEndpoint;
import org.itlgateway.gateway.wire.InboundMessage;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;
import org.itlgateway.schemas.v1.types.DesTransactionNotification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the transactor production uses. A gateway process killed at the worst moments loses nothing and applies nothing twice. The gateway runs as a
 * real second JVM ({@link CrashingNode}) on the same PostgreSQL; it is killed with SIGKILL or halts itself.
 */
class CrashRecoveryIT {

    @TempDir
    static Path pki;

    @BeforeAll
    static void writeTheNetworksCertificates() {
        PkiFiles.writeCertificates(pki.resolve("ca.crt.pem"), List.of(TestPki.ca().certificate()));
        PkiFiles.writeCrl(pki.resolve("crl.pem"), TestPki.currentCrls().get(0));
        for (String node : List.of("ITL", "CDM")) {
            PkiFiles.writeCertificates(pki.resolve(node + ".crt.pem"), TestPki.credential(node).chain());
            PkiFiles.writePrivateKey(pki.resolve(node + ".key.pem"), TestPki.credential(node).privateKey());
        }
    }

    @Test
    void aMessageReceiptedByAProcessKilledBeforeProcessingIsProcessedOnceAfterTheRestart() throws Exception {
        String schema = freshNodeSchema();
        int port = FreePorts.next();
        Process gateway = start("receive-then-die", jdbcUrl(), schema, Integer.toString(port), pki.toString());
        try {
            awaitReady(gateway);
            TransactionLogPortType client = SoapClients.transactionLog("http://127.0.0.1:" + port + "/itl", "ITL",
                    TestPki.signatures(TestPki.credential("CDM")), Duration.ofSeconds(30));
            try {
                assertEquals(1, client.acceptProposal(WireSamples.proposalToLog("CDM", "ITL", WireSamples.cdmIssuance("CDM9100001")))
                        .getResultIdentifier());
            } finally {
                ((Closeable) client).close();
            }
        } finally {
            gateway.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        List<InboundMessage> processed = new ArrayList<>();
        InboxProcessor restarted = new InboxProcessor(transactorOn(schema), (connection, message) -> {
            processed.add(message);
            return "processed after the restart";
        }, Clock.systemUTC());
        assertEquals(1, restarted.processPending());
        assertEquals(0, restarted.processPending());
        assertEquals(1, processed.size());
    }

    @Test
    void aMessageCommittedByAProcessThatDiesBeforeSendingIsSentByTheNextInstance() throws Exception {
        String schema = freshNodeSchema();
        Process gateway = start("commit-then-die", jdbcUrl(), schema, pki.toString());
        assertTrue(gateway.waitFor(300, TimeUnit.SECONDS));
        assertEquals(137, gateway.exitValue(), () -> "the process died after the commit: " + output(gateway));
        assertEquals(1, TestDatabase.count(schema, "select count(*) from business_change"));

        List<String> received = new ArrayList<>();
        Server itl = startItl(received);
        try {
            OutboxSender next = new OutboxSender(transactorOn(schema),
                    code -> Optional.of(Peer.transactionLog("ITL", itlAddress)),
                    TestPki.signatures(TestPki.credential("CDM")), RetrySchedule.standard(), Clock.systemUTC(), Duration.ofSeconds(30));
            next.resumeAfterRestart();
            assertEquals(1, next.deliverDue());
            assertEquals(0, next.deliverDue());
        } finally {
            itl.destroy();
        }
        assertEquals(List.of("CDM9000001/4"), received);
    }

    @Test
    void aMessageSentByAProcessThatDiesBeforeRecordingTheReceiptIsSentAgainAndRecognisedAsTheSame() throws Exception {
        String schema = freshNodeSchema();
        transactorOn(schema).inTransaction(connection -> {
            DesTransactionNotification notification = new DesTransactionNotification();
            notification.setTransactionIdentifier("CDM9200001");
            notification.setTransactionStatus(4);
            notification.setStatusDateTime(Instant.parse("2024-03-14T09:30:00Z"));
            return Outbox.enqueue(connection, OutboundMessage.of("CDM", "ITL",
                    Wire.LOG_ACCEPT_NOTIFICATION, notification), Instant.now());
        });
        String itlSchema = freshNodeSchema();
        Server itl = startItlWithInbox(itlSchema);
        try {
            Process gateway = start("send-then-die", jdbcUrl(), schema, pki.toString(), itlAddress);
            assertTrue(gateway.waitFor(300, TimeUnit.SECONDS));
            assertEquals(137, gateway.exitValue(), () -> "the process died with the receipt in hand: " + output(gateway));
            assertEquals(1, TestDatabase.count(schema, "select count(*) from outbox_message where status = 'PENDING'"),
                    "the receipt was never recorded");

            OutboxSender next = new OutboxSender(transactorOn(schema),
                    code -> Optional.of(Peer.transactionLog("ITL", itlAddress)),
                    TestPki.signatures(TestPki.credential("CDM")), RetrySchedule.standard(), Clock.systemUTC(), Duration.ofSeconds(30));
            next.resumeAfterRestart();
            assertEquals(1, next.deliverDue());
        } finally {
            itl.destroy();
        }
        assertEquals(1, TestDatabase.count(itlSchema, "select count(*) from inbox_message"),
                "the resent notification is the same message, kept once");
        assertEquals(1, TestDatabase.count(schema, "select count(*) from outbox_message where status = 'DELIVERED'"));
    }

    private String itlAddress;
    private final java.util.Map<String, Database> opened = new java.util.HashMap<>();

    /** The production transactor on the node database of {@code schema}, opened once per test. */
    private Transactor transactorOn(String schema) {
        return TestDatabase.transactor(opened.computeIfAbsent(schema, name -> TestDatabase.open(name, 2)));
    }

    /** A new schema with a node's tables, opened as production opens it. */
    private String freshNodeSchema() {
        String schema = TestDatabase.freshSchemaName();
        transactorOn(schema);
        return schema;
    }

    @AfterEach
    void closeTheDatabases() {
        opened.values().forEach(Database::close);
        opened.clear();
    }

    private Server startItl(List<String> received) {
        itlAddress = "http://127.0.0.1:" + FreePorts.next() + "/itl";
        return SoapEndpoints.publishTransactionLog(itlAddress, new TransactionLogEndpoint(message -> {
            DesTransactionNotification notification = message.content(Wire.LOG_ACCEPT_NOTIFICATION);
            received.add(notification.getTransactionIdentifier() + "/" + notification.getTransactionStatus());
            return Receipt.acceptedForProcessing();
        }, Clock.systemUTC()), TestPki.signatures(TestPki.credential("ITL")), InboundLimits.defaults(),
                TestDatabase.seenMessages());
    }

    private Server startItlWithInbox(String schema) {
        itlAddress = "http://127.0.0.1:" + FreePorts.next() + "/itl";
        InboxReceiver inbox = new InboxReceiver(new HeaderChecks("ITL", Set.of("CDM")::contains),
                transactorOn(schema), query -> Receipt.time(Instant.now()));
        return SoapEndpoints.publishTransactionLog(itlAddress, new TransactionLogEndpoint(inbox, Clock.systemUTC()),
                TestPki.signatures(TestPki.credential("ITL")), InboundLimits.defaults(), TestDatabase.seenMessages(schema));
    }

    private static String jdbcUrl() {
        return TestDatabase.jdbcUrl();
    }

    private static Process start(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the compiler and collector choices of the test JVM (see the root pom's argLine)
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("-XX:")).forEach(command::add);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.add(CrashingNode.class.getName());
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String output(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static void awaitReady(Process process) throws Exception {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.contains("READY")) {
                Thread drain = new Thread(() -> output.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new AssertionError("the gateway process ended before it was ready (exit " + process.waitFor() + ")");
    }
}
